using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Configuration;

namespace ThiDua.Dashboard.Live;

/// <summary>0 pushes every change at once; a negative interval used to be read as 0 without a word.</summary>
internal sealed class LiveOptionsValidation : IValidateOptions<LiveOptions>
{
    public const int MaxCoalesceMilliseconds = 60_000;

    public ValidateOptionsResult Validate(string? name, LiveOptions options)
    {
        var failures = new OptionFailures(LiveOptions.SectionName);
        failures.Range(nameof(LiveOptions.CoalesceMilliseconds), options.CoalesceMilliseconds, 0, MaxCoalesceMilliseconds, "Khoảng cách tối thiểu giữa hai lần đẩy một bảng (mili giây)");
        return failures.Result;
    }
}
