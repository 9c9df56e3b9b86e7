namespace ThiDua.Scoring.Live;

/// <summary>
/// One unit's evaluated standing at every date on which any of its figures takes effect:
/// shown score in hundredths, dossier count and tie-break keys. Between two such dates nothing
/// about the unit changes, so the standing on any date is one binary search in a small array
/// instead of a search in every content's history plus decimal arithmetic. This is what keeps a
/// full rebuild of the boards for another date cheap and cache-friendly at national scale.
/// </summary>
internal sealed class ScoreTimeline
{
    private readonly DateOnly[] _dates;
    private readonly long[] _hundredths;
    private readonly long[] _dossiers;
    private readonly long[] _tieKeys;
    private readonly int _tieBreakerCount;

    private ScoreTimeline(DateOnly[] dates, long[] hundredths, long[] dossiers, long[] tieKeys, int tieBreakerCount)
    {
        _dates = dates;
        _hundredths = hundredths;
        _dossiers = dossiers;
        _tieKeys = tieKeys;
        _tieBreakerCount = tieBreakerCount;
    }

    /// <summary>Evaluates the unit once at each distinct figure date (the same arithmetic as a direct evaluation).</summary>
    public static ScoreTimeline Build(Campaign campaign, UnitTrack unit)
    {
        var dates = DistinctDates(unit);
        var tieBreakerCount = campaign.TieBreakers.Length;
        var hundredths = new long[dates.Length];
        var dossiers = new long[dates.Length];
        var tieKeys = new long[dates.Length * tieBreakerCount];
        for (var d = 0; d < dates.Length; d++)
            hundredths[d] = unit.EvaluateAt(campaign, dates[d], out dossiers[d], tieKeys.AsSpan(d * tieBreakerCount, tieBreakerCount));
        return new ScoreTimeline(dates, hundredths, dossiers, tieKeys, tieBreakerCount);
    }

    /// <summary>The unit's standing on a date; before its first figure it has no score, no dossiers and zero keys.</summary>
    public long At(DateOnly date, out long dossiers, Span<long> tieKeys)
    {
        var d = IndexAtOrBefore(date);
        if (d < 0)
        {
            dossiers = -1;
            tieKeys.Clear();
            return 0;
        }
        dossiers = _dossiers[d];
        _tieKeys.AsSpan(d * _tieBreakerCount, _tieBreakerCount).CopyTo(tieKeys);
        return _hundredths[d];
    }

    private int IndexAtOrBefore(DateOnly date)
    {
        var dates = _dates;
        if (dates.Length == 0) return -1;
        // The latest standing is the one asked for most often.
        if (dates[^1] <= date) return dates.Length - 1;
        int low = 0, high = dates.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var cmp = dates[mid].CompareTo(date);
            if (cmp == 0) return mid;
            if (cmp < 0) low = mid + 1; else high = mid - 1;
        }
        return low - 1;
    }

    private static DateOnly[] DistinctDates(UnitTrack unit)
    {
        var count = unit.Dossiers?.Count ?? 0;
        foreach (var history in unit.Contents) count += history?.Count ?? 0;
        var all = new DateOnly[count];
        var n = 0;
        if (unit.Dossiers is { } dossierHistory)
            for (var i = 0; i < dossierHistory.Count; i++) all[n++] = dossierHistory[i].AsOf;
        foreach (var history in unit.Contents)
            for (var i = 0; history is not null && i < history.Count; i++) all[n++] = history[i].AsOf;
        Array.Sort(all);
        var distinct = 0;
        for (var i = 0; i < all.Length; i++)
            if (distinct == 0 || all[distinct - 1] != all[i]) all[distinct++] = all[i];
        return distinct == all.Length ? all : all[..distinct];
    }
}
