using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Configuration;

namespace ThiDua.Dashboard.Accounts;

/// <summary>
/// The first administrator: the same rules as an account an admin creates, so a start with a name or
/// password the admin page would refuse stops here instead of creating an account nobody could make.
/// An empty name means "admin" and an empty password a generated one, as before.
/// </summary>
internal sealed class AdminOptionsValidation : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        var failures = new OptionFailures(AdminOptions.SectionName);
        var userName = string.IsNullOrWhiteSpace(options.UserName) ? "admin" : options.UserName.Trim();
        if (AccountService.UserNameProblem(userName) is { } badName) failures.Add(nameof(AdminOptions.UserName), badName);
        if (!string.IsNullOrEmpty(options.InitialPassword) && AccountService.PasswordProblem(options.InitialPassword, userName) is { } badPassword)
            failures.Add(nameof(AdminOptions.InitialPassword), badPassword + " Để trống thì một mật khẩu ngẫu nhiên được tạo và ghi vào nhật ký.");
        return failures.Result;
    }
}
