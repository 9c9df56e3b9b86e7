using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Units;

namespace ThiDua.Scoring.Explanations;

/// <summary>How much to add to one content's numerator (denominator unchanged) to beat a target.</summary>
/// <param name="Add">The smallest whole number k ≥ 1 that does it; null when this content alone cannot.</param>
/// <param name="AtMaximum">The content already earns its maximum points, so adding to it changes nothing.</param>
public sealed record ContentGap(string Indicator, long? Add, bool AtMaximum = false)
{
    public bool Reachable => Add is not null;
}

/// <summary>One part of a combined plan: add this many dossiers to this content's numerator.</summary>
public sealed record PlanStep(string Indicator, long Add);

/// <summary>A score to beat: the unit just above, or the award line.</summary>
/// <param name="Plan">The fewest added dossiers in total, spread over contents, that beat the target; null when
/// nothing can (or when not worked out: only the award line carries a plan).</param>
public sealed record Target(string Unit, string Name, decimal Score, IReadOnlyList<ContentGap> ByContent,
    IReadOnlyList<PlanStep>? Plan = null);

/// <summary>Everything about one unit as of a date.</summary>
/// <param name="Board">Its board; null when the unit is not active on the date.</param>
/// <param name="Entry">Its line on that board.</param>
/// <param name="AwardIneligibility">Why it cannot be proposed for an award (empty when it can).</param>
public sealed record UnitReport(
    UnitInfo Unit,
    DateOnly AsOf,
    UnitScore Score,
    BoardKey? Board,
    BoardEntry? Entry,
    bool Proposed,
    Target? ToPassAbove,
    Target? ToReachAwardLine,
    IReadOnlyList<string> AwardIneligibility);
