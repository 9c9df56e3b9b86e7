using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Configuration;

namespace ThiDua.Dashboard.Live;

/// <summary>0 turns the "chưa cập nhật" mark off; the upper bound keeps date arithmetic in range.</summary>
internal sealed class DisplayOptionsValidation : IValidateOptions<DisplayOptions>
{
    public const int MaxStaleAfterDays = 36_500;

    public ValidateOptionsResult Validate(string? name, DisplayOptions options)
    {
        var failures = new OptionFailures(DisplayOptions.SectionName);
        failures.Range(nameof(DisplayOptions.StaleAfterDays), options.StaleAfterDays, 0, MaxStaleAfterDays, "Số ngày không có số liệu mới trước khi đánh dấu “chưa cập nhật” (0 là tắt dấu)");
        return failures.Result;
    }
}
