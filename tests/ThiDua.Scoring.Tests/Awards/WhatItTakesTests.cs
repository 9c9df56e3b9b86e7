using ThiDua.Scoring.Live;
using ThiDua.Scoring.Tests.Support;

namespace ThiDua.Scoring.Tests.Awards;

public sealed class WhatItTakesTests
{
    [Fact]
    public void Report_ToPassAbove_GivesTheSmallestWholeAdditionPerContent()
    {
        // x: 100 points at 100%; y: 100 points at 50%. a: x 50/100 + y 10/100 → (50 + 20) / 200 = 35.
        // b: x 72/100, nothing arose on y (excluded) → 72.00. Beating 72.00 takes 144.02 earned of 200:
        // x alone tops out at 100 + 20 = 120, out of reach; y needs 94.02 points → rate ≥ 47.01% → 48/100, so +38.
        var rules = TestCampaigns.Simple() with { Indicators = [TestCampaigns.Content("x", 100m, 1m), TestCampaigns.Content("y", 100m, 0.5m)] };
        var engine = new LeaderboardEngine(rules, [TestCampaigns.Unit("a", "An"), TestCampaigns.Unit("b", "Bình")], F.Day);
        engine.Load([F.Rate("a", "x", 50, 100), F.Rate("a", "y", 10, 100), F.Rate("b", "x", 72, 100), F.Rate("b", "y", 0, 0)], 0);

        var report = engine.Report("a", F.Day)!;

        Assert.Equal(35m, report.Score.Score);
        Assert.Equal(("b", 72.00m), (report.ToPassAbove!.Unit, report.ToPassAbove.Score));
        Assert.Equal([("x", (long?)null), ("y", 38)], report.ToPassAbove.ByContent.Select(g => (g.Indicator, g.Add)));
    }

    [Fact]
    public void Report_TargetOutOfReachThroughOneContent_SaysSo()
    {
        var rules = TestCampaigns.Simple() with { Indicators = [TestCampaigns.Content("x", 10m, 1m), TestCampaigns.Content("y", 10m, 1m)] };
        var engine = new LeaderboardEngine(rules, [TestCampaigns.Unit("a", "An"), TestCampaigns.Unit("b", "Bình")], F.Day);
        engine.Load([F.Rate("a", "x", 0, 10), F.Rate("a", "y", 0, 10), F.Rate("b", "x", 10, 10), F.Rate("b", "y", 8, 10)], 0);

        var gap = engine.Report("a", F.Day)!.ToPassAbove!.ByContent;

        Assert.All(gap, g => { Assert.Null(g.Add); Assert.False(g.Reachable); });
    }

    [Fact]
    public void Report_ContentAlreadyAtItsMaximum_IsMarkedSoNotAsOutOfReach()
    {
        // a: x 10/10 (full 10 points), y 0/10 → 50; b: x 10/10, y 8/10 → 90. Nothing added to x can
        // help a, because x already earns its maximum; y at 9/10 gives 95 → +9. x at 6/10 for c is
        // below its maximum yet out of reach alone (at most 10 + 0 of 20 = 50 < 90).
        var rules = TestCampaigns.Simple() with { Indicators = [TestCampaigns.Content("x", 10m, 1m), TestCampaigns.Content("y", 10m, 1m)] };
        var engine = new LeaderboardEngine(rules, [TestCampaigns.Unit("a", "An"), TestCampaigns.Unit("b", "Bình"), TestCampaigns.Unit("c", "Cường")], F.Day);
        engine.Load([F.Rate("a", "x", 10, 10), F.Rate("a", "y", 0, 10), F.Rate("b", "x", 10, 10), F.Rate("b", "y", 8, 10),
            F.Rate("c", "x", 6, 10), F.Rate("c", "y", 0, 10)], 0);

        var a = engine.Report("a", F.Day)!.ToPassAbove!.ByContent;
        var c = engine.Report("c", F.Day)!.ToPassAbove!.ByContent;

        Assert.Equal([("x", (long?)null, true), ("y", 9, false)], a.Select(g => (g.Indicator, g.Add, g.AtMaximum)));
        Assert.Equal(("x", (long?)null, false), (c[0].Indicator, c[0].Add, c[0].AtMaximum));
    }

    [Fact]
    public void Report_AwardLine_IsTheLowestProposedScore_AndNoneForAProposedUnit()
    {
        var engine = new LeaderboardEngine(TestCampaigns.Simple(awardSlots: 2),
            [TestCampaigns.Unit("a", "An"), TestCampaigns.Unit("b", "Bình"), TestCampaigns.Unit("c", "Cường")], F.Day);
        engine.Load([F.Rate("a", "x", 90, 100), F.Rate("b", "x", 80, 100), F.Rate("c", "x", 70, 100)], 0);

        var c = engine.Report("c", F.Day)!;
        var a = engine.Report("a", F.Day)!;

        Assert.Equal(("b", 80.00m), (c.ToReachAwardLine!.Unit, c.ToReachAwardLine.Score));
        Assert.Equal(11, Assert.Single(c.ToReachAwardLine.ByContent).Add);
        Assert.Equal(("b", (long?)11), (c.ToPassAbove!.Unit, c.ToPassAbove.ByContent[0].Add));
        Assert.True(a.Proposed);
        Assert.Null(a.ToReachAwardLine);
        Assert.Null(a.ToPassAbove);
    }

    [Fact]
    public void Report_NotGroupedUnit_HasNoAwardLine()
    {
        var engine = new LeaderboardEngine(TestCampaigns.CanTho(),
            [new("x-a", "Xã A", "xa"), new("x-b", "Xã B", "xa", RegisteredOn: new DateOnly(2024, 1, 1))], F.Day);
        engine.Load([F.Dossiers("x-a", 2000), F.Rate("x-a", "a", 1, 10), F.Dossiers("x-b", 2500), F.Rate("x-b", "a", 9, 10)], 0);

        var report = engine.Report("x-a", F.Day)!;

        Assert.True(report.Board!.Value.IsNotGrouped);
        Assert.Null(report.ToReachAwardLine);
        Assert.Null(report.ToPassAbove);
        Assert.Contains("Chưa ghi nhận đăng ký", Assert.Single(report.AwardIneligibility));
    }
}
