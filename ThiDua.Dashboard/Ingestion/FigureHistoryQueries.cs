using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Ingestion;

/// <summary>
/// What the pages read of the figures as they came in (the overview's feed, a unit's history): pages
/// read through this, never the repository, so how figures are stored stays the storage's business.
/// </summary>
public sealed class FigureHistoryQueries(FigureRepository figures)
{
    /// <summary>The latest figures received, newest first.</summary>
    /// <param name="asOfAtMost">Only figures dated on or before this day (a page showing a past date).</param>
    public Task<IReadOnlyList<StoredFigure>> LatestAsync(int limit, DateOnly? asOfAtMost = null, CancellationToken cancellationToken = default) =>
        figures.ReadLatestAsync(limit, asOfAtMost, cancellationToken);

    /// <summary>One unit's figures, newest received first, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<StoredFigure>> ForUnitAsync(string unit, int limit, CancellationToken cancellationToken = default) =>
        figures.ReadForUnitAsync(unit, limit, cancellationToken);
}
