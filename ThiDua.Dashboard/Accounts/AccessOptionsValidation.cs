using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Configuration;

namespace ThiDua.Dashboard.Accounts;

/// <summary>Sign-in, lock-out and session settings; values the code used to clamp silently are refused by name.</summary>
internal sealed class AccessOptionsValidation : IValidateOptions<AccessOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        var failures = new OptionFailures(AccessOptions.SectionName);
        failures.Range(nameof(AccessOptions.MaxFailedSignIns), options.MaxFailedSignIns, 1, 1_000, "Số lần đăng nhập sai liên tiếp trước khi khóa tài khoản");
        failures.Range(nameof(AccessOptions.LockoutMinutes), options.LockoutMinutes, 0, 525_600, "Số phút khóa tài khoản");
        failures.Range(nameof(AccessOptions.SessionHours), options.SessionHours, 1, 8_760, "Số giờ một phiên đăng nhập còn hiệu lực khi không dùng");
        failures.Range(nameof(AccessOptions.RevalidateSeconds), options.RevalidateSeconds, 1, 86_400, "Số giây giữa hai lần kiểm tra lại đăng nhập của trang đang mở");
        return failures.Result;
    }
}
