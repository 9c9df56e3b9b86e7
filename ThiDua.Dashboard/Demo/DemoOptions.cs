using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Configuration;

namespace ThiDua.Dashboard.Demo;

/// <summary>Settings of <c>ThiDua:Demo</c>; <c>--demo</c> on the command line sets <see cref="Enabled"/>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "ThiDua:Demo";

    /// <summary>Fill an empty database with a simulated campaign and keep feeding it.</summary>
    public bool Enabled { get; set; }

    /// <summary>Seconds between two small batches of the live feed.</summary>
    public double IntervalSeconds { get; set; } = 3;
}

internal sealed class DemoOptionsValidation : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        // Seconds with a fraction: OptionFailures.Range counts whole numbers, so this one says it in its own words, same shape.
        var failures = new OptionFailures(DemoOptions.SectionName);
        if (options.IntervalSeconds is not (>= 0.05 and <= 3600))
            failures.Add(nameof(DemoOptions.IntervalSeconds),
                $"Khoảng cách giữa hai lần gửi số liệu mô phỏng phải từ 0,05 đến 3.600 giây (đang là {options.IntervalSeconds}).");
        return failures.Result;
    }
}
