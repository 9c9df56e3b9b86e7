using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Units;

namespace ThiDua.Scoring.Ranking;

/// <summary>
/// Every board of the campaign as of a date: each group of each block (empty or not), and each
/// block's "not grouped" board when it has units. Immutable.
/// </summary>
public sealed class Standings
{
    private readonly Dictionary<string, (Board Board, int Index)> _byUnit;

    internal Standings(long version, DateOnly asOf, DateOnly? comparisonDate, IReadOnlyList<Board> boards)
    {
        Version = version;
        AsOf = asOf;
        ComparisonDate = comparisonDate;
        Boards = boards;
        // Sized up front: a national campaign has thousands of units and growing rehashes them all.
        var count = 0;
        foreach (var board in boards) count += board.Entries.Length;
        _byUnit = new Dictionary<string, (Board, int)>(count, StringComparer.Ordinal);
        foreach (var board in boards)
            for (var i = 0; i < board.Entries.Length; i++)
                _byUnit[board.Entries[i].Unit] = (board, i);
    }

    /// <summary>The engine version these boards reflect.</summary>
    public long Version { get; }
    public DateOnly AsOf { get; }
    public DateOnly? ComparisonDate { get; }
    public IReadOnlyList<Board> Boards { get; }

    public Board? Board(BoardKey key) => Boards.FirstOrDefault(b => b.Key == key);

    /// <summary>The board and entry of an active unit; null when the unit is not on any board at this date.</summary>
    public (Board Board, BoardEntry Entry)? Find(string unit) =>
        _byUnit.TryGetValue(unit, out var found) ? (found.Board, found.Board.Entries[found.Index]) : null;

    /// <summary>The pure form: the boards as of a date from rules, units and figures (in arrival order).</summary>
    public static Standings Compute(CampaignRules rules, IEnumerable<UnitInfo> units, IEnumerable<Figure> figures, DateOnly asOf)
    {
        var engine = new LeaderboardEngine(rules, units, asOf);
        engine.Load(figures, 0);
        return engine.Current();
    }
}
