using System.Collections.Immutable;

namespace ThiDua.Scoring.Ranking;

/// <summary>An immutable snapshot of one board, entries in rank order (ties by name, Vietnamese collation).</summary>
public sealed record Board(BoardKey Key, string BlockName, string? GroupName, int AwardSlots, ImmutableArray<BoardEntry> Entries)
{
    public bool SameEntries(Board other) => Key == other.Key && Entries.AsSpan().SequenceEqual(other.Entries.AsSpan());
}
