using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace ThiDua.Dashboard.Components.Controls;

/// <summary>A unit's rank on one board at each date; null where it was not on that board.</summary>
public sealed record RankSeries(string Unit, string Name, IReadOnlyList<int?> Ranks);

public sealed partial class BumpChart
{
    private const int Top = 12;
    private const int RowHeight = 22;

    /// <summary>
    /// One drawing's geometry in its own units. The narrow one is about as wide as a phone's page, so a
    /// unit of the drawing is about a pixel and its text keeps the size the style sheet gives; room between date
    /// labels decides how many dates are labelled.
    /// </summary>
    private sealed record BumpLayout(int Width, int Left, int Right, bool Names, int DateSpacing);

    private static readonly BumpLayout Wide = new(960, 36, 190, Names: true, DateSpacing: 60);
    private static readonly BumpLayout Narrow = new(360, 28, 22, Names: false, DateSpacing: 48);

    [Parameter, EditorRequired] public IReadOnlyList<DateOnly> Dates { get; set; } = [];
    [Parameter, EditorRequired] public IReadOnlyList<RankSeries> Series { get; set; } = [];
    [Parameter] public string? Emphasised { get; set; }

    private int MaxRank => Math.Max(1, Series.SelectMany(s => s.Ranks).Max(r => r ?? 0));
    private int Height => Top + MaxRank * RowHeight + 24;

    // The emphasised line is drawn last so nothing covers it.
    private IEnumerable<RankSeries> Ordered => Series.OrderBy(s => s.Unit == Emphasised);

    /// <summary>The units on the board at the last date, by that rank (the phone's list of names).</summary>
    private IEnumerable<(RankSeries Series, int Rank)> Latest =>
        Series.Where(s => s.Ranks[^1] is not null).Select(s => (s, s.Ranks[^1]!.Value)).OrderBy(p => p.Item2).ThenBy(p => p.s.Name, StringComparer.Ordinal);

    private int LabelStep(BumpLayout layout)
    {
        var room = (layout.Width - layout.Left - layout.Right) / (double)layout.DateSpacing;
        return Math.Max(1, (int)Math.Ceiling(Dates.Count / Math.Max(1, Math.Floor(room))));
    }

    private double X(BumpLayout layout, int index) =>
        layout.Left + (layout.Width - layout.Left - layout.Right) * (Dates.Count == 1 ? 0 : index / (double)(Dates.Count - 1));

    private static double Y(int rank) => Top + (rank - 0.5) * RowHeight;

    private static string Num(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Consecutive stretches on the board, each one polyline.</summary>
    private IEnumerable<string> Paths(BumpLayout layout, RankSeries series)
    {
        var points = new List<string>();
        for (var i = 0; i < series.Ranks.Count; i++)
        {
            if (series.Ranks[i] is { } rank)
            {
                points.Add($"{Num(X(layout, i))},{Num(Y(rank))}");
                continue;
            }
            if (points.Count > 0) yield return string.Join(' ', points);
            points.Clear();
        }
        if (points.Count > 0) yield return string.Join(' ', points);
    }
}
