using ThiDua.Scoring.Ranking;

namespace ThiDua.Scoring.Live;

/// <summary>A unit whose place changed: old and new board and rank (null when it was or is on no board).</summary>
public readonly record struct RankMove(string Unit, BoardKey? OldBoard, int? OldRank, BoardKey? NewBoard, int? NewRank);

/// <summary>What one applied batch did: the new engine version, the boards whose entries changed, and who moved.</summary>
public sealed record ApplyResult(long Version, IReadOnlyList<BoardKey> ChangedBoards, IReadOnlyList<RankMove> Moves)
{
    /// <summary>
    /// The units themselves changed (a registration, a name, an active range): award eligibility
    /// may differ even when no board's entries did.
    /// </summary>
    public bool UnitsChanged { get; init; }
}
