using System.Globalization;

namespace ThiDua.Dashboard.Storage;

/// <summary>
/// Explicit conversions between .NET values and the text stored in SQLite. Dapper's type
/// handlers for DateOnly/DateTimeOffset are unreliable on SQLite, so no such value is ever handed
/// to Dapper: callers convert here first, and read strings back.
/// </summary>
internal static class SqliteText
{
    private const string DateFormat = "yyyy-MM-dd";

    // Fixed width with seven fraction digits: sorts as text and round-trips a DateTimeOffset exactly.
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string FromDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string? FromDate(DateOnly? date) => date is { } value ? FromDate(value) : null;

    public static DateOnly ToDate(string text) =>
        DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static DateOnly? ToNullableDate(string? text) => text is null ? null : ToDate(text);

    public static string FromInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ToInstant(string text) =>
        new(DateTime.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
}
