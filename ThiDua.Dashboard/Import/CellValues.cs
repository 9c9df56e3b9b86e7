using System.Globalization;

namespace ThiDua.Dashboard.Import;

/// <summary>Turns a cell — CSV text, or what MiniExcel reads from XLSX (string, double, DateTime…) — into a value.</summary>
internal static class CellValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy"];

    // Excel's day numbers for 1900-01-01 and 9999-12-31: a plain number in a date column is a date
    // cell whose format was lost, as happens when a column is copied as values.
    private const double FirstSerialDay = 1;
    private const double LastSerialDay = 2958465;

    public static bool IsBlank(object? cell) => cell is null || (cell is string s && string.IsNullOrWhiteSpace(s));

    public static string Text(object? cell) => cell switch
    {
        null => "",
        string s => s.Trim(),
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString()?.Trim() ?? "",
    };

    /// <summary>yyyy-MM-dd or dd/MM/yyyy text (single-digit day and month allowed), a date cell, or an Excel day number.</summary>
    public static DateOnly? Date(object? cell) => cell switch
    {
        DateTime d => DateOnly.FromDateTime(d),
        DateOnly d => d,
        DateTimeOffset d => DateOnly.FromDateTime(d.DateTime),
        double d when d >= FirstSerialDay && d <= LastSerialDay => DateOnly.FromDateTime(DateTime.FromOADate(d)),
        string s when DateOnly.TryParseExact(s.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => null,
    };

    /// <summary>A whole number: digits with an optional sign, or a spreadsheet number without a fraction.</summary>
    public static long? Integer(object? cell)
    {
        switch (cell)
        {
            case string s:
                return long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            case double d:
                // Beyond 2^53 a double no longer holds every integer; no real count comes near it.
                return double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) <= 9_007_199_254_740_992d ? (long)d : null;
            case int or long or short or byte:
                return Convert.ToInt64(cell, CultureInfo.InvariantCulture);
            case decimal m:
                return decimal.Truncate(m) == m && m >= long.MinValue && m <= long.MaxValue ? (long)m : null;
            default:
                return null;
        }
    }
}
