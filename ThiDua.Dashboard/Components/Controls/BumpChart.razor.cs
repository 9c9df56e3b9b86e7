using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace ThiDua.Dashboard.Components.Controls;

/// <summary>A unit's rank on one board at each date; null where it was not on that board.</summary>
public sealed record RankSeries(string Unit, string Name, IReadOnlyList<int?> Ranks);

public sealed partial class BumpChart
{
    private const int Width = 960;
    private const int Left = 36;
    private const int Right = 190;
    private const int Top = 12;
    private const int RowHeight = 22;

    [Parameter, EditorRequired] public IReadOnlyList<DateOnly> Dates { get; set; } = [];
    [Parameter, EditorRequired] public IReadOnlyList<RankSeries> Series { get; set; } = [];
    [Parameter] public string? Emphasised { get; set; }

    private int MaxRank => Math.Max(1, Series.SelectMany(s => s.Ranks).Max(r => r ?? 0));
    private int Height => Top + MaxRank * RowHeight + 24;
    private int LabelStep => Math.Max(1, (int)Math.Ceiling(Dates.Count / 12.0));

    // The emphasised line is drawn last so nothing covers it.
    private IEnumerable<RankSeries> Ordered => Series.OrderBy(s => s.Unit == Emphasised);

    private double X(int index) => Left + (Width - Left - Right) * (Dates.Count == 1 ? 0 : index / (double)(Dates.Count - 1));

    private double Y(int rank) => Top + (rank - 0.5) * RowHeight;

    private static string Num(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Consecutive stretches on the board, each one polyline.</summary>
    private IEnumerable<string> Paths(RankSeries series)
    {
        var points = new List<string>();
        for (var i = 0; i < series.Ranks.Count; i++)
        {
            if (series.Ranks[i] is { } rank)
            {
                points.Add($"{Num(X(i))},{Num(Y(rank))}");
                continue;
            }
            if (points.Count > 0) yield return string.Join(' ', points);
            points.Clear();
        }
        if (points.Count > 0) yield return string.Join(' ', points);
    }
}
