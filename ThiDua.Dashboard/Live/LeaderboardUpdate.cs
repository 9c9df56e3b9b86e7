using ThiDua.Scoring.Ranking;

namespace ThiDua.Dashboard.Live;

/// <summary>One push to subscribers: the boards that changed since the last push, and the engine version now.</summary>
/// <param name="UnitsChanged">A unit edit happened since the last push (award eligibility may have changed).</param>
/// <param name="DecisionsChanged">
/// The committee decided since the last push (a nomination, an individual, the city's 766 rating, a
/// step of the proposal's review): who holds an award may change without any board changing.
/// </param>
/// <param name="Campaign">The code of the campaign whose boards these are (empty where campaigns are not wired).</param>
/// <param name="CampaignsChanged">
/// The campaigns themselves changed (one created, activated, closed, made the default), here or on another node:
/// the switch of campaigns and the admin's list read the catalog again. No board changed.
/// </param>
public sealed record LeaderboardUpdate(long Version, IReadOnlySet<BoardKey> Boards, bool UnitsChanged = false, bool DecisionsChanged = false,
    string Campaign = "", bool CampaignsChanged = false);
