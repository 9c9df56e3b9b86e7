using System.Runtime.InteropServices;

namespace ThiDua.Scoring.Live;

/// <summary>
/// Where every unit stands on one date: its board, its score and its rank. Boards are kept
/// sorted (shown score, then tie-breakers, descending; then Vietnamese name order), so one
/// unit's change moves one element and re-ranks only the boards it touched.
/// </summary>
internal sealed class Placement
{
    private const int Inactive = -1;

    /// <summary>A score of 100 in hundredths, the highest there is.</summary>
    private const long MaxHundredths = 10_000;

    private readonly Campaign _campaign;
    private readonly UnitTrack[] _units;
    private readonly int _tieBreakerCount;
    private readonly bool _fromTimelines;

    /// <param name="fromTimelines">
    /// Read each unit's standing from its <see cref="ScoreTimeline"/> (worth it for repeated
    /// queries of past dates) rather than evaluating its histories directly (the live boards,
    /// whose units change figure by figure).
    /// </param>
    public Placement(Campaign campaign, UnitTrack[] units, DateOnly date, bool fromTimelines = false)
    {
        _campaign = campaign;
        _fromTimelines = fromTimelines;
        _units = units;
        _tieBreakerCount = campaign.TieBreakers.Length;
        Date = date;
        var n = units.Length;
        BoardOf = new int[n];
        Hundredths = new long[n];
        Dossiers = new long[n];
        TieKeys = new long[n * _tieBreakerCount];
        Rank = new int[n];
        Tied = new bool[n];
        Members = new List<int>[campaign.Boards.Length];
        for (var b = 0; b < Members.Length; b++) Members[b] = [];

        for (var u = 0; u < n; u++)
        {
            BoardOf[u] = Inactive;
            Evaluate(u);
            if (BoardOf[u] != Inactive) Members[BoardOf[u]].Add(u);
        }
        for (var b = 0; b < Members.Length; b++)
        {
            Sort(Members[b]);
            Rerank(b);
        }
    }

    public DateOnly Date { get; }
    public int[] BoardOf { get; }
    public long[] Hundredths { get; }
    public long[] Dossiers { get; }
    public int[] Rank { get; }
    public bool[] Tied { get; }
    public List<int>[] Members { get; }
    private long[] TieKeys { get; }

    /// <summary>Re-evaluates one unit after its figures changed and moves it to its new place.</summary>
    /// <returns>The boards the unit left and joined (equal when it stayed), or null when nothing changed.</returns>
    public (int From, int To)? Update(int u)
    {
        var from = BoardOf[u];
        var hundredths = Hundredths[u];
        var dossiers = Dossiers[u];
        Span<long> oldKeys = stackalloc long[_tieBreakerCount];
        TieKeys.AsSpan(u * _tieBreakerCount, _tieBreakerCount).CopyTo(oldKeys);

        if (from != Inactive) Members[from].Remove(u);
        Evaluate(u);
        var to = BoardOf[u];
        if (to != Inactive) Insert(to, u);

        var changed = from != to || hundredths != Hundredths[u] || dossiers != Dossiers[u]
            || !oldKeys.SequenceEqual(TieKeys.AsSpan(u * _tieBreakerCount, _tieBreakerCount));
        return changed ? (from, to) : null;
    }

    /// <summary>Standard competition ranking (1, 1, 3) over a sorted board.</summary>
    public void Rerank(int board)
    {
        var members = Members[board];
        for (var i = 0; i < members.Count; i++)
        {
            var u = members[i];
            Rank[u] = i > 0 && SameRank(members[i - 1], u) ? Rank[members[i - 1]] : i + 1;
            Tied[u] = (i > 0 && SameRank(members[i - 1], u)) || (i + 1 < members.Count && SameRank(u, members[i + 1]));
        }
    }

    /// <summary>Sorts a board into <see cref="Compare"/> order.</summary>
    private void Sort(List<int> members)
    {
        var span = CollectionsMarshal.AsSpan(members);
        if (_tieBreakerCount == 0 && span.Length > 1)
        {
            // Without tie-breakers the order is (score descending, name order ascending): packed into
            // one long per unit, the board sorts as plain integers instead of through a comparison
            // delegate that chases every unit's track for its name order.
            var keys = new long[span.Length];
            var packable = true;
            for (var i = 0; i < span.Length && packable; i++)
            {
                var hundredths = Hundredths[span[i]];
                packable = hundredths is >= 0 and <= MaxHundredths;
                keys[i] = ((MaxHundredths - hundredths) << 32) | (uint)_units[span[i]].NameOrder;
            }
            if (packable)
            {
                keys.AsSpan().Sort(span);
                return;
            }
        }
        span.Sort(Compare);
    }

    private void Insert(int board, int u)
    {
        var members = Members[board];
        int low = 0, high = members.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (Compare(members[mid], u) < 0) low = mid + 1; else high = mid - 1;
        }
        members.Insert(low, u);
    }

    private void Evaluate(int u)
    {
        var unit = _units[u];
        if (!unit.Info.IsActiveOn(Date))
        {
            BoardOf[u] = Inactive;
            return;
        }

        var tieKeys = TieKeys.AsSpan(u * _tieBreakerCount, _tieBreakerCount);
        long dossiers;
        Hundredths[u] = _fromTimelines
            ? unit.Timeline(_campaign).At(Date, out dossiers, tieKeys)
            : unit.EvaluateAt(_campaign, Date, out dossiers, tieKeys);
        Dossiers[u] = dossiers;
        BoardOf[u] = GroupBoard(unit.Block, dossiers);
    }

    private int GroupBoard(int block, long dossiers)
    {
        foreach (var board in _campaign.GroupBoardsOfBlock[block])
        {
            var group = _campaign.Boards[board].Group!;
            if (group.IsUnbounded || (dossiers >= 0 && group.Contains(dossiers))) return board;
        }
        return _campaign.NotGroupedBoardOfBlock[block];
    }

    private bool SameRank(int a, int b)
    {
        if (Hundredths[a] != Hundredths[b]) return false;
        for (var t = 0; t < _tieBreakerCount; t++)
            if (TieKeys[a * _tieBreakerCount + t] != TieKeys[b * _tieBreakerCount + t]) return false;
        return true;
    }

    /// <summary>Board order: higher shown score first, then tie-breakers, then name.</summary>
    private int Compare(int a, int b)
    {
        var cmp = Hundredths[b].CompareTo(Hundredths[a]);
        if (cmp != 0) return cmp;
        for (var t = 0; t < _tieBreakerCount; t++)
        {
            cmp = TieKeys[b * _tieBreakerCount + t].CompareTo(TieKeys[a * _tieBreakerCount + t]);
            if (cmp != 0) return cmp;
        }
        return _units[a].NameOrder.CompareTo(_units[b].NameOrder);
    }
}
