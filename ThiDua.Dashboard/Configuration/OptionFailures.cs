using System.Globalization;
using Microsoft.Extensions.Options;

namespace ThiDua.Dashboard.Configuration;

/// <summary>
/// Collects what is wrong with one settings section, each message starting with the full key at
/// fault ("ThiDua:Live:CoalesceMilliseconds: …"), the shape the campaign rules' errors already have,
/// so an operator reading a failed start knows which line of appsettings.json to change.
/// </summary>
public sealed class OptionFailures(string section)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private readonly List<string> _failures = [];

    /// <summary>The full key of a property of this section, e.g. <c>ThiDua:Access:SessionHours</c>.</summary>
    public string Key(string property) => $"{section}:{property}";

    public void Add(string property, string message) => _failures.Add($"{Key(property)}: {message}");

    /// <param name="what">What the number counts, as the message names it ("số giây", "số dòng").</param>
    public void Range(string property, long value, long min, long max, string what)
    {
        if (value < min || value > max)
            Add(property, $"{what} phải từ {min.ToString("N0", Vietnamese)} đến {max.ToString("N0", Vietnamese)} (đang là {value.ToString(CultureInfo.InvariantCulture)}).");
    }

    public void Required(string property, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(property, $"Cần ghi {what}; không được để trống.");
    }

    public ValidateOptionsResult Result => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
}
