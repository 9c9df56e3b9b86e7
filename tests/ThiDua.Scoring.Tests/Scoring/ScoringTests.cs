using ThiDua.Scoring.Live;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Tests.Support;

namespace ThiDua.Scoring.Tests.Scoring;

public sealed class ScoringTests
{
    private static UnitScore ScoreOf(CampaignRules rules, params ThiDua.Scoring.Figures.Figure[] figures)
    {
        var engine = new LeaderboardEngine(rules, [TestCampaigns.Unit("u")], F.Day);
        engine.Load(figures, 0);
        return engine.Score("u", F.Day)!;
    }

    [Fact]
    public void Score_RateBelowThreshold_EarnsProportionalPoints()
    {
        // 40% against full credit at 50% → 12 × 0.8 = 9.6 of 12.
        var rules = TestCampaigns.Simple() with { Indicators = [TestCampaigns.Content("a", 12m, 0.5m)] };

        var score = ScoreOf(rules, F.Rate("u", "a", 40, 100));

        var content = Assert.Single(score.Contents);
        Assert.Equal(ContentState.Rate, content.State);
        Assert.Equal(0.4m, content.Rate);
        Assert.Equal(9.6m, content.Points);
        Assert.Equal(12m, content.MaxPoints);
        Assert.Equal(80m, score.Score);
    }

    [Fact]
    public void Score_RateAboveThreshold_CapsAtMaxPoints()
    {
        var rules = TestCampaigns.Simple() with { Indicators = [TestCampaigns.Content("a", 12m, 0.5m)] };

        var score = ScoreOf(rules, F.Rate("u", "a", 90, 100));

        Assert.Equal(12m, score.Contents[0].Points);
        Assert.Equal(100m, score.Score);
    }

    [Fact]
    public void Score_UnitWithNoDataAtAll_IsZeroWithEveryApplicableContentAvailable()
    {
        var rules = TestCampaigns.CanTho();
        var engine = new LeaderboardEngine(rules, [new("p-an-hoa", "Phường An Hòa", "phuong")], new DateOnly(2024, 6, 30));

        var score = engine.Score("p-an-hoa", new DateOnly(2024, 6, 30))!;

        Assert.Equal(0m, score.Score);
        Assert.Equal(0m, score.Earned);
        Assert.Equal(78m, score.Available); // all nine contents: the plan lists them for every participant
        Assert.All(score.Contents, c => Assert.Equal(ContentState.NoData, c.State));
        Assert.Null(score.LastReport);
    }

    [Theory]
    [InlineData(NothingArosePolicy.Exclude, 10, 10, 100)] // h left out: 10 of 10
    [InlineData(NothingArosePolicy.Full, 20, 20, 100)]    // h counted full: 20 of 20
    [InlineData(NothingArosePolicy.Zero, 10, 20, 50)]     // h counted zero: 10 of 20
    public void Score_NothingArose_FollowsThePolicy(NothingArosePolicy policy, int earned, int available, int score)
    {
        var rules = TestCampaigns.Simple() with
        {
            Indicators = [TestCampaigns.Content("x", 10m, 1m), TestCampaigns.Content("h", 10m, 1m, policy)],
        };

        var result = ScoreOf(rules, F.Rate("u", "x", 5, 5), F.Rate("u", "h", 0, 0));

        Assert.Equal(ContentState.NothingArose, result.Contents[1].State);
        Assert.Null(result.Contents[1].Rate);
        Assert.Equal((decimal)earned, result.Earned);
        Assert.Equal((decimal)available, result.Available);
        Assert.Equal((decimal)score, result.Score);
    }

    [Fact]
    public void Score_NoDataYet_CountsAsAvailableUnlikeNothingArose()
    {
        var rules = TestCampaigns.Simple() with
        {
            Indicators = [TestCampaigns.Content("x", 10m, 1m), TestCampaigns.Content("h", 10m, 1m)],
        };

        var result = ScoreOf(rules, F.Rate("u", "x", 5, 5));

        Assert.Equal(ContentState.NoData, result.Contents[1].State);
        Assert.Equal(50m, result.Score);
    }

    [Fact]
    public void Score_ContentNotApplicableToBlock_IsExcluded()
    {
        var rules = TestCampaigns.Simple() with
        {
            Blocks = [new BlockRules { Code = "k", Name = "K" }, new BlockRules { Code = "other", Name = "O" }],
            Indicators = [TestCampaigns.Content("x", 10m, 1m), TestCampaigns.Content("e", 10m, 1m, block: "other")],
        };

        var result = ScoreOf(rules, F.Rate("u", "x", 1, 2));

        Assert.Equal(ContentState.NotApplicable, result.Contents[1].State);
        Assert.Equal(0m, result.Contents[1].Available);
        Assert.Equal(50m, result.Score);
    }

    [Fact]
    public void Score_NothingAvailable_IsZero()
    {
        var rules = TestCampaigns.Simple() with { Indicators = [TestCampaigns.Content("h", 10m, 1m)] };

        var result = ScoreOf(rules, F.Rate("u", "h", 0, 0));

        Assert.Equal(0m, result.Available);
        Assert.Equal(0m, result.Score);
    }

    [Fact]
    public void Score_AsOf_UsesLatestFigureOnOrBeforeTheDate()
    {
        var rules = TestCampaigns.Simple();
        var engine = new LeaderboardEngine(rules, [TestCampaigns.Unit("u")], F.Day);
        engine.Load(
        [
            F.Rate("u", "x", 10, 100, new DateOnly(2024, 3, 31)),
            F.Rate("u", "x", 30, 100, new DateOnly(2024, 6, 30)),
            F.Rate("u", "x", 20, 100, new DateOnly(2024, 4, 30)), // arrives late, dated between
        ], 0);

        Assert.Equal(0m, engine.Score("u", new DateOnly(2024, 3, 30))!.Score);
        Assert.Equal(10m, engine.Score("u", new DateOnly(2024, 3, 31))!.Score);
        Assert.Equal(10m, engine.Score("u", new DateOnly(2024, 4, 29))!.Score);
        Assert.Equal(20m, engine.Score("u", new DateOnly(2024, 5, 15))!.Score);
        Assert.Equal(30m, engine.Score("u", new DateOnly(2024, 12, 31))!.Score);
    }

    [Fact]
    public void Score_LaterEntryForSameDate_ReplacesTheEarlierOne()
    {
        var score = ScoreOf(TestCampaigns.Simple(), F.Rate("u", "x", 90, 100), F.Rate("u", "x", 45, 100));

        Assert.Equal(45m, score.Score);
        Assert.Equal(45, score.Contents[0].Numerator);
    }

    [Fact]
    public void Score_UsesUnroundedPoints_AndShowsTwoDecimals()
    {
        // 1/3 of 100 points: 33.333…, shown 33.33.
        var score = ScoreOf(TestCampaigns.Simple(), F.Rate("u", "x", 1, 3));

        Assert.Equal(33.3333333333m, Math.Round(score.Score, 10));
        Assert.Equal(33.33m, score.ShownScore);
    }
}
