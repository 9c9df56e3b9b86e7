using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Configuration;

namespace ThiDua.Dashboard.Accounts;

/// <summary>A limit or window below 1 used to be raised to 1 silently; now it is refused by name.</summary>
internal sealed class RateLimitOptionsValidation : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new OptionFailures(RateLimitOptions.SectionName);
        failures.Range(nameof(RateLimitOptions.PermitLimit), options.PermitLimit, 1, int.MaxValue, "Số yêu cầu ghi được phép trong một khoảng");
        failures.Range(nameof(RateLimitOptions.WindowSeconds), options.WindowSeconds, 1, 86_400, "Độ dài khoảng tính giới hạn (giây)");
        return failures.Result;
    }
}
