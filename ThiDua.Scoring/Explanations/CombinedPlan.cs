using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Scoring;

namespace ThiDua.Scoring.Explanations;

/// <summary>
/// The smallest combination of increases that lifts a score strictly above a target, for when no single
/// content is enough. "Smallest" means the fewest added dossiers in total (numerators only, denominators
/// unchanged, no numerator above its denominator); among plans of that size a single-content plan is
/// preferred, then the greedy one below.
/// </summary>
/// <remarks>
/// Why greedy is exact: a content's points rise by the same amount for every added dossier until it
/// reaches its maximum points (the last dossier may add less), then not at all. Its points are thus a
/// concave function of the dossiers added, and the most points any total of K dossiers can add are
/// the K largest per-dossier gains across all contents — which filling contents in order of their gain
/// per dossier gives. Rising K never lowers those points, so the fewest K that wins is found by binary search.
/// </remarks>
internal static class CombinedPlan
{
    /// <summary>A content that may take more dossiers.</summary>
    /// <param name="Points">The points it counts now (unrounded).</param>
    internal sealed record Option(IndicatorRules Rules, long Numerator, long Denominator, decimal Points);

    public static IReadOnlyList<PlanStep>? For(Campaign campaign, UnitScore score, decimal targetScore) =>
        For([.. score.Contents.Where(c => c.State == ContentState.Rate)
                .Select(c => new Option(campaign.Indicator(c.Indicator)!, c.Numerator!.Value, c.Denominator!.Value, c.Points))],
            score.Earned, score.Available, targetScore);

    internal static IReadOnlyList<PlanStep>? For(IReadOnlyList<Option> options, decimal earned, decimal available, decimal targetScore)
    {
        // Per-dossier gains, largest first: each content's full steps, then its last (smaller) step.
        var steps = new List<(int Option, decimal Gain, long Count)>();
        for (var i = 0; i < options.Count; i++)
        {
            var o = options[i];
            var useful = Useful(o);
            if (useful < 1) continue;
            var full = o.Rules.MaxPoints / (o.Denominator * o.Rules.FullCreditAt);
            var last = ScoreMath.RatePoints(o.Rules, o.Numerator + useful, o.Denominator)
                - ScoreMath.RatePoints(o.Rules, o.Numerator + useful - 1, o.Denominator);
            if (useful > 1) steps.Add((i, full, useful - 1));
            steps.Add((i, last, 1));
        }
        // Stable: equal gains keep the plan's order of contents.
        var ordered = steps.Select((s, n) => (s, n)).OrderByDescending(x => x.s.Gain).ThenBy(x => x.n).Select(x => x.s).ToArray();

        long[] Allocate(long total)
        {
            var adds = new long[options.Count];
            foreach (var (option, _, count) in ordered)
            {
                if (total == 0) break;
                var take = Math.Min(count, total);
                adds[option] += take;
                total -= take;
            }
            return adds;
        }

        bool Wins(long[] adds) => Beats(options, adds, earned, available, targetScore);

        var most = ordered.Sum(s => s.Count);
        if (most == 0 || !Wins(Allocate(most))) return null;
        long low = 1, high = most;
        while (low < high)
        {
            var mid = low + (high - low) / 2;
            if (Wins(Allocate(mid))) high = mid; else low = mid + 1;
        }

        var plan = Allocate(low);
        // A single content doing it with the same total is simpler to act on than a split.
        for (var i = 0; i < options.Count; i++)
        {
            if (low > options[i].Denominator - options[i].Numerator) continue;
            var alone = new long[options.Count];
            alone[i] = low;
            if (Wins(alone)) { plan = alone; break; }
        }
        return [.. plan.Select((add, i) => (add, i)).Where(x => x.add > 0).Select(x => new PlanStep(options[x.i].Rules.Code, x.add))];
    }

    /// <summary>Whether adding these dossiers shows a score strictly above the target.</summary>
    internal static bool Beats(IReadOnlyList<Option> options, IReadOnlyList<long> adds, decimal earned, decimal available, decimal targetScore)
    {
        for (var i = 0; i < options.Count; i++)
        {
            if (adds[i] == 0) continue;
            var o = options[i];
            earned += ScoreMath.RatePoints(o.Rules, o.Numerator + adds[i], o.Denominator) - o.Points;
        }
        return ScoreMath.Shown(ScoreMath.Score(earned, available)) > targetScore;
    }

    /// <summary>Dossiers that still add points: up to the full-credit rate, and never past the denominator.</summary>
    private static long Useful(Option o)
    {
        var room = o.Denominator - o.Numerator;
        if (room < 1 || o.Points >= o.Rules.MaxPoints) return 0;
        var toFull = (long)Math.Ceiling(o.Rules.FullCreditAt * o.Denominator) - o.Numerator;
        return Math.Clamp(toFull, 0, room);
    }
}
