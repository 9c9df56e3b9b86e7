using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Ranking;

namespace ThiDua.Demo;

/// <summary>
/// A simulated campaign up to one as-of date: the figures in monthly batches, the registrations,
/// and the situations it was built to show (silent units, a group crossing, near-ties).
/// </summary>
public sealed record DemoYear(
    DateOnly AsOf,
    IReadOnlyList<DemoBatch> Batches,
    IReadOnlyList<PlannedRegistration> Registrations,
    IReadOnlyList<string> SilentUnits,
    DemoCrossing? Crossing,
    IReadOnlyList<DemoNearTie> NearTies)
{
    /// <summary>Every figure, batch after batch (as-of dates never go back between batches).</summary>
    public IEnumerable<Figure> Figures => Batches.SelectMany(batch => batch.Figures);

    public int FigureCount => Batches.Sum(batch => batch.Figures.Count);

    /// <summary>Units whose standing the simulation arranged; the live feed leaves them alone so it stays visible.</summary>
    public IEnumerable<string> ArrangedUnits =>
        NearTies.SelectMany(tie => new[] { tie.Higher, tie.Lower });
}

/// <summary>The figures of one calendar month of as-of dates.</summary>
public sealed record DemoBatch(DateOnly Month, IReadOnlyList<Figure> Figures);

/// <summary>A unit's registration date; null when it never registers.</summary>
public sealed record PlannedRegistration(string Unit, DateOnly? RegisteredOn);

/// <summary>
/// A unit whose dossier count is below <paramref name="Bound"/> on <paramref name="Before"/> and at
/// or above it on <paramref name="After"/>, so it changes size group between the two dates.
/// </summary>
public sealed record DemoCrossing(string Unit, long Bound, DateOnly Before, DateOnly After);

/// <summary>Two units next to each other on a board whose shown scores differ by at most 0.01 at the as-of date.</summary>
public sealed record DemoNearTie(BoardKey Board, string Higher, string Lower);
