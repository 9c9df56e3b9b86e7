using ThiDua.Scoring.Ranking;

namespace ThiDua.Dashboard.Live;

/// <summary>One push to subscribers: the boards that changed since the last push, and the engine version now.</summary>
public sealed record LeaderboardUpdate(long Version, IReadOnlySet<BoardKey> Boards);
