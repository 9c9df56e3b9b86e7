using CsCheck;
using ThiDua.Scoring.Explanations;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Tests.Support;

namespace ThiDua.Scoring.Tests.Awards;

public sealed class CombinedPlanTests
{
    [Fact]
    public void Report_AwardLineOutOfReachThroughAnyOneContent_CarriesTheSmallestCombinedPlan()
    {
        // a: x 0/10, y 0/10 → 0; b (the award line): x 10/10, y 8/10 → 90.00. Beating 90.00 takes 19 of
        // 20 points; each content tops out at 10, so neither alone does it, and 19 dossiers in all do.
        var rules = TestCampaigns.Simple() with { Indicators = [TestCampaigns.Content("x", 10m, 1m), TestCampaigns.Content("y", 10m, 1m)] };
        var engine = new LeaderboardEngine(rules, [TestCampaigns.Unit("a", "An"), TestCampaigns.Unit("b", "Bình")], F.Day);
        engine.Load([F.Rate("a", "x", 0, 10), F.Rate("a", "y", 0, 10), F.Rate("b", "x", 10, 10), F.Rate("b", "y", 8, 10)], 0);

        var line = engine.Report("a", F.Day)!.ToReachAwardLine!;

        Assert.All(line.ByContent, g => Assert.Null(g.Add));
        Assert.Equal([new PlanStep("x", 10), new PlanStep("y", 9)], line.Plan);
        Assert.Null(engine.Report("a", F.Day)!.ToPassAbove!.Plan); // only the award line carries a plan
    }

    [Fact]
    public void Plan_FillsTheContentWithMostPointsPerDossierFirst()
    {
        // x: 20 points over 10 dossiers (2 a dossier); y: 10 points over 100 dossiers at 50% (0.2 a dossier).
        // Beating 60.00 of 30 available takes > 18 earned: x to the full 20 (10 dossiers) is enough.
        var x = new CombinedPlan.Option(TestCampaigns.Content("x", 20m, 1m), 0, 10, 0m);
        var y = new CombinedPlan.Option(TestCampaigns.Content("y", 10m, 0.5m), 0, 100, 0m);

        Assert.Equal([new PlanStep("x", 10)], CombinedPlan.For([y, x], 0m, 30m, 60m));
        // Beating 70.00 takes > 21 earned: x full (20) and 6 dossiers of y (1.2) — 16 in all.
        Assert.Equal([new PlanStep("y", 6), new PlanStep("x", 10)], CombinedPlan.For([y, x], 0m, 30m, 70m));
        // 100 cannot be beaten.
        Assert.Null(CombinedPlan.For([y, x], 0m, 30m, 100m));
    }

    private static readonly decimal[] FullCreditRates = [1m, 0.9m, 0.8m, 0.75m, 0.5m, 0.3m];
    private static readonly decimal[] MaxPoints = [3m, 5m, 10m, 15m, 20m];

    private static readonly Gen<CombinedPlan.Option> GenOption =
        Gen.Select(Gen.Int[0, MaxPoints.Length - 1], Gen.Int[0, FullCreditRates.Length - 1], Gen.Int[1, 9], Gen.Int[0, 9])
            .Select((m, f, denominator, numerator) =>
            {
                var rules = TestCampaigns.Content("c", MaxPoints[m], FullCreditRates[f]);
                var n = Math.Min(numerator, denominator);
                return new CombinedPlan.Option(rules, n, denominator, ScoreMath.RatePoints(rules, n, denominator));
            });

    [Fact]
    public void Plan_HasTheFewestDossiersInTotal_AgainstBruteForce()
    {
        // Besides the contents that can move, other contents bring fixed earned/available points.
        Gen.Select(GenOption.Array[1, 3], Gen.Int[0, 20], Gen.Int[0, 10_000]).Sample((generated, otherAvailable, target) =>
        {
            // Plan steps name contents by code, so each content gets its own.
            var options = generated.Select((o, i) => o with { Rules = o.Rules with { Code = "c" + i } }).ToArray();
            var other = Math.Min(otherAvailable, target % (otherAvailable + 1));
            var earned = options.Sum(o => o.Points) + other;
            var available = options.Sum(o => o.Rules.MaxPoints) + otherAvailable;
            var targetScore = target / 100m;
            // A target is always a score the unit does not already beat.
            if (CombinedPlan.Beats(options, new long[options.Length], earned, available, targetScore)) return true;

            var plan = CombinedPlan.For(options, earned, available, targetScore);
            var best = BruteForce(options, earned, available, targetScore);

            if (best is null) return plan is null;
            if (plan is null) return false;
            var adds = options.Select(o => plan.Where(s => s.Indicator == o.Rules.Code).Sum(s => s.Add)).ToArray();
            return adds.Sum() == best
                && adds.Select((a, i) => a <= options[i].Denominator - options[i].Numerator).All(ok => ok)
                && CombinedPlan.Beats(options, adds, earned, available, targetScore);
        }, iter: 2_000);
    }

    /// <summary>Every way of adding dossiers, smallest total that wins; null when none does.</summary>
    private static long? BruteForce(CombinedPlan.Option[] options, decimal earned, decimal available, decimal targetScore)
    {
        long? best = null;
        var adds = new long[options.Length];
        void Walk(int i)
        {
            if (i == options.Length)
            {
                var total = adds.Sum();
                if ((best is null || total < best) && total > 0 && CombinedPlan.Beats(options, adds, earned, available, targetScore))
                    best = total;
                return;
            }
            for (long k = 0; k <= options[i].Denominator - options[i].Numerator; k++)
            {
                adds[i] = k;
                Walk(i + 1);
            }
            adds[i] = 0;
        }
        Walk(0);
        return best;
    }
}
