using ThiDua.Scoring.Rules;

namespace ThiDua.Scoring.Time;

/// <summary>"Today" is a date in the campaign's time zone; the engine itself never reads a clock.</summary>
public static class CampaignCalendar
{
    /// <summary>Việt Nam's zone: the one place it is written, the default of every campaign's rules.</summary>
    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";

    /// <summary>The campaign's zone; the rules' validator has made sure it exists.</summary>
    public static TimeZoneInfo Zone(CampaignRules rules) => TimeZoneInfo.FindSystemTimeZoneById(rules.TimeZone);

    public static bool IsKnownZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static DateOnly Today(CampaignRules rules, TimeProvider time) => DateOnly.FromDateTime(LocalTime(rules, time.GetUtcNow()));

    /// <summary>An instant as the wall clock in the campaign's time zone shows it.</summary>
    public static DateTime LocalTime(CampaignRules rules, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone(rules)).DateTime;

    /// <summary>The as-of date the boards default to: today, clamped into the campaign period.</summary>
    public static DateOnly DefaultAsOf(CampaignRules rules, TimeProvider time) => Clamp(rules, Today(rules, time));

    public static DateOnly Clamp(CampaignRules rules, DateOnly date) =>
        date < rules.PeriodStart ? rules.PeriodStart : date > rules.PeriodEnd ? rules.PeriodEnd : date;
}
