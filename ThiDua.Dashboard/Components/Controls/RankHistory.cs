using ThiDua.Scoring.Ranking;

namespace ThiDua.Dashboard.Components.Controls;

/// <summary>Each unit of a board, its rank on that same board week by week (for <see cref="BumpChart"/>).</summary>
public static class RankHistory
{
    public static IReadOnlyList<RankSeries> Of(Board board, IReadOnlyList<Standings> weekly) =>
        [.. board.Entries.Select(e => new RankSeries(e.Unit, e.Name,
            [.. weekly.Select(s => s.Find(e.Unit) is var (b, entry) && b.Key == board.Key ? entry.Rank : (int?)null)]))];
}
