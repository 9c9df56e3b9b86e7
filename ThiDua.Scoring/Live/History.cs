using ThiDua.Scoring.Scoring;

namespace ThiDua.Scoring.Live;

/// <summary>One reported figure of a history, with its points worked out once when it arrives.</summary>
internal readonly record struct HistoryPoint(DateOnly AsOf, long Numerator, long? Denominator, ContentState State, decimal Points, decimal Available);

/// <summary>
/// The figures of one unit for one content (or its dossier count), sorted by as-of date; a figure
/// for a date already present replaces it, since a later entry for the same date is a correction.
/// </summary>
internal sealed class History
{
    private HistoryPoint[] _points = new HistoryPoint[4];
    private int _count;

    public int Count => _count;

    public ref readonly HistoryPoint this[int index] => ref _points[index];

    public void Record(in HistoryPoint point)
    {
        // Figures nearly always arrive in date order, so the common case is an append.
        if (_count == 0 || _points[_count - 1].AsOf < point.AsOf)
        {
            Grow();
            _points[_count++] = point;
            return;
        }
        var index = Search(point.AsOf);
        if (index >= 0)
        {
            _points[index] = point;
            return;
        }
        index = ~index;
        Grow();
        Array.Copy(_points, index, _points, index + 1, _count - index);
        _points[index] = point;
        _count++;
    }

    /// <summary>Index of the latest point with an as-of date on or before <paramref name="date"/>, or -1.</summary>
    public int IndexAtOrBefore(DateOnly date)
    {
        if (_count == 0) return -1;
        if (_points[_count - 1].AsOf <= date) return _count - 1;
        var index = Search(date);
        return index >= 0 ? index : ~index - 1;
    }

    private int Search(DateOnly date)
    {
        int low = 0, high = _count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var cmp = _points[mid].AsOf.CompareTo(date);
            if (cmp == 0) return mid;
            if (cmp < 0) low = mid + 1; else high = mid - 1;
        }
        return ~low;
    }

    private void Grow()
    {
        if (_count == _points.Length) Array.Resize(ref _points, _points.Length * 2);
    }
}
