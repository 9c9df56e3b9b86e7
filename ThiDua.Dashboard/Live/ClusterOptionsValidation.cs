using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Configuration;

namespace ThiDua.Dashboard.Live;

/// <summary>0 would spin on the database; over a minute, a node's boards could lag the others for that long.</summary>
internal sealed class ClusterOptionsValidation : IValidateOptions<ClusterOptions>
{
    public const int MaxCatchUpSeconds = 60;

    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var failures = new OptionFailures(ClusterOptions.SectionName);
        failures.Range(nameof(ClusterOptions.CatchUpSeconds), options.CatchUpSeconds, 1, MaxCatchUpSeconds,
            "Chu kỳ đọc các lô số liệu do máy chủ khác ghi (giây)");
        return failures.Result;
    }
}
