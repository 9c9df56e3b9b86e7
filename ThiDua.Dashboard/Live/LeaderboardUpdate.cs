using ThiDua.Scoring.Ranking;

namespace ThiDua.Dashboard.Live;

/// <summary>One push to subscribers: the boards that changed since the last push, and the engine version now.</summary>
/// <param name="UnitsChanged">A unit edit happened since the last push (award eligibility may have changed).</param>
/// <param name="Campaign">The code of the campaign whose boards these are (empty where campaigns are not wired).</param>
public sealed record LeaderboardUpdate(long Version, IReadOnlySet<BoardKey> Boards, bool UnitsChanged = false, string Campaign = "");
