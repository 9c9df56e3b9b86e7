using System.Globalization;

namespace ThiDua.Dashboard.Ingestion;

/// <summary>
/// The reason stored with the version that moves the live boards to a new day. Another node reads the day
/// back from it, so every node moves its boards to the same day at the same version.
/// </summary>
public static class DayMoveReason
{
    private const string Prefix = "live boards moved to ";
    private const string DayFormat = "yyyy-MM-dd";

    public static string For(DateOnly day) => Prefix + day.ToString(DayFormat, CultureInfo.InvariantCulture);

    public static bool TryRead(string? reason, out DateOnly day)
    {
        day = default;
        return reason is not null && reason.StartsWith(Prefix, StringComparison.Ordinal)
            && DateOnly.TryParseExact(reason.AsSpan(Prefix.Length), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
