using Microsoft.Extensions.Options;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Time;

namespace ThiDua.Dashboard.Configuration;

/// <summary>
/// The one clock of the app: the instant from <see cref="TimeProvider"/> (a fake one in tests) and the
/// wall clock of a campaign's time zone from its rules. Nothing else reads the system clock or names a
/// zone, so a test that moves the time moves every time shown, stored or exported.
/// </summary>
/// <remarks>Without rules the default campaign's (<c>ThiDua:Campaign</c>) are meant.</remarks>
public sealed class CampaignClock(TimeProvider time, IOptions<CampaignRules> defaultRules)
{
    /// <summary>Now, in UTC.</summary>
    public DateTimeOffset UtcNow() => time.GetUtcNow();

    /// <summary>An instant with the offset of the campaign's zone at that instant (its wall clock, with the offset known).</summary>
    public DateTimeOffset Local(DateTimeOffset instant, CampaignRules? rules = null) =>
        TimeZoneInfo.ConvertTime(instant, CampaignCalendar.Zone(rules ?? defaultRules.Value));

    /// <summary>Now on the campaign's wall clock.</summary>
    public DateTimeOffset LocalNow(CampaignRules? rules = null) => Local(UtcNow(), rules);

    /// <summary>Today in the campaign's time zone.</summary>
    public DateOnly Today(CampaignRules? rules = null) => CampaignCalendar.Today(rules ?? defaultRules.Value, time);
}
