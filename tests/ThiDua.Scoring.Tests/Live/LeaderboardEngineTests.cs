using ThiDua.Scoring.Live;
using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Tests.Support;

namespace ThiDua.Scoring.Tests.Live;

public sealed class LeaderboardEngineTests
{
    private static readonly BoardKey All = new("k", "all");

    private static LeaderboardEngine NewEngine(int units = 3)
    {
        var names = new[] { "An", "Bình", "Cường", "Dũng" };
        return new LeaderboardEngine(TestCampaigns.Simple(), Enumerable.Range(0, units).Select(i => TestCampaigns.Unit(((char)('a' + i)).ToString(), names[i])), F.Day);
    }

    [Fact]
    public void Apply_EachBatch_RaisesTheVersionByExactlyOne()
    {
        var engine = new LeaderboardEngine(TestCampaigns.Simple(), [TestCampaigns.Unit("a")], F.Day, version: 41);

        var first = engine.Apply([F.Rate("a", "x", 1, 2), F.Rate("a", "x", 2, 2)]);
        var second = engine.Apply(F.Rate("a", "x", 2, 2));

        Assert.Equal(42, first.Version);
        Assert.Equal(43, second.Version);
        Assert.Equal(43, engine.Current().Version);
    }

    [Fact]
    public void Apply_FigureThatChangesRanks_ReportsTheBoardAndEveryMove()
    {
        var engine = NewEngine();
        engine.Apply([F.Rate("a", "x", 9, 10), F.Rate("b", "x", 8, 10), F.Rate("c", "x", 7, 10)]);

        var result = engine.Apply(F.Rate("c", "x", 10, 10));

        Assert.Equal([All], result.ChangedBoards);
        Assert.Equal(
            [new RankMove("a", All, 1, All, 2), new RankMove("b", All, 2, All, 3), new RankMove("c", All, 3, All, 1)],
            result.Moves.OrderBy(m => m.Unit));
        Assert.Equal(["c", "a", "b"], engine.Board(All).Entries.Select(e => e.Unit));
    }

    [Fact]
    public void Apply_FigureThatChangesNothingShown_ReportsNoBoard()
    {
        var engine = NewEngine();
        engine.Apply(F.Rate("a", "x", 9, 10));

        var same = engine.Apply(F.Rate("a", "x", 90, 100));
        var future = engine.Apply(F.Rate("a", "x", 1, 10, F.Day.AddDays(1)));

        Assert.Empty(same.ChangedBoards);
        Assert.Empty(future.ChangedBoards);
        Assert.Equal(90.00m, engine.Board(All).Entries[0].Score);
    }

    [Fact]
    public void Apply_ScoreChangeWithoutRankChange_ReportsTheBoardButNoMove()
    {
        var engine = NewEngine(2);
        engine.Apply([F.Rate("a", "x", 9, 10), F.Rate("b", "x", 5, 10)]);

        var result = engine.Apply(F.Rate("b", "x", 6, 10));

        Assert.Equal([All], result.ChangedBoards);
        Assert.Empty(result.Moves);
    }

    [Fact]
    public void Apply_DossiersCrossingABound_MovesTheUnitBetweenGroups()
    {
        var engine = new LeaderboardEngine(TestCampaigns.CanTho(), [new("x-a", "Xã A", "xa"), new("x-b", "Xã B", "xa")], F.Day);
        engine.Apply([F.Dossiers("x-a", 1500), F.Dossiers("x-b", 1600)]);

        var result = engine.Apply(F.Dossiers("x-a", 2100));

        Assert.Equal([new BoardKey("xa", "tren-2000"), new BoardKey("xa", "tu-1000-duoi-2000")], result.ChangedBoards.OrderBy(k => k.Group));
        Assert.Contains(new RankMove("x-a", new BoardKey("xa", "tu-1000-duoi-2000"), 1, new BoardKey("xa", "tren-2000"), 1), result.Moves);
    }

    [Fact]
    public void Apply_UnknownUnit_ThrowsAndChangesNothing()
    {
        var engine = NewEngine();

        Assert.Throws<ArgumentException>(() => engine.Apply([F.Rate("a", "x", 1, 2), F.Rate("zz", "x", 1, 2)]));

        Assert.Equal(0, engine.Version);
        Assert.Equal(0.00m, engine.Board(All).Entries.Single(e => e.Unit == "a").Score);
    }

    [Fact]
    public void StandingsAsOf_PastDate_IsAFullRecomputeAndLeavesTheLiveBoardsAlone()
    {
        var engine = NewEngine(1);
        engine.Apply([F.Rate("a", "x", 1, 10, new DateOnly(2024, 3, 1)), F.Rate("a", "x", 5, 10)]);

        var past = engine.StandingsAsOf(new DateOnly(2024, 3, 15));

        Assert.Equal(10.00m, past.Board(All)!.Entries[0].Score);
        Assert.Equal(50.00m, engine.Current().Board(All)!.Entries[0].Score);
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.StandingsAsOf(new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void UpdateUnits_Rename_ReordersTiesAndRaisesTheVersion()
    {
        var engine = NewEngine(2);
        engine.Apply([F.Rate("a", "x", 1, 2), F.Rate("b", "x", 1, 2)]);

        var result = engine.UpdateUnits([TestCampaigns.Unit("a", "Yên"), TestCampaigns.Unit("b", "Bình")]);

        Assert.Equal(2, result.Version);
        Assert.Equal(["Bình", "Yên"], engine.Board(All).Entries.Select(e => e.Name));
    }

    [Fact]
    public void UpdateUnits_RegistrationOnly_ReportsNoBoardButSaysUnitsChanged()
    {
        var engine = NewEngine(2);
        engine.Apply([F.Rate("a", "x", 1, 2), F.Rate("b", "x", 1, 4)]);

        var result = engine.UpdateUnits([TestCampaigns.Unit("a", "An", registeredOn: new DateOnly(2024, 4, 1)), TestCampaigns.Unit("b", "Bình")]);

        Assert.Empty(result.ChangedBoards);
        Assert.Empty(result.Moves);
        Assert.True(result.UnitsChanged);
    }

    [Fact]
    public void PrepareHistory_ThenPastDate_GivesTheSameBoardsAsWithout()
    {
        var prepared = NewEngine(2);
        var lazy = NewEngine(2);
        var figures = new[] { F.Rate("a", "x", 1, 2, new DateOnly(2024, 3, 1)), F.Rate("b", "x", 3, 4, new DateOnly(2024, 4, 1)) };
        prepared.Load(figures, 0);
        lazy.Load(figures, 0);

        prepared.PrepareHistory();

        Assert.Equal(lazy.StandingsAsOf(new DateOnly(2024, 4, 15)).Board(All)!.Entries.ToArray(),
            prepared.StandingsAsOf(new DateOnly(2024, 4, 15)).Board(All)!.Entries.ToArray());
    }

    [Fact]
    public void MoveTo_NextDay_ShowsFiguresDatedThatDay()
    {
        var engine = NewEngine(1);
        engine.Apply(F.Rate("a", "x", 1, 2, F.Day.AddDays(1)));

        var result = engine.MoveTo(F.Day.AddDays(1));

        Assert.Equal([All], result.ChangedBoards);
        Assert.Equal(50.00m, engine.Board(All).Entries[0].Score);
    }
}
