using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Tests.Support;
using ThiDua.Scoring.Units;

namespace ThiDua.Scoring.Tests.Ranking;

public sealed class BoardTests
{
    private static readonly DateOnly Day = F.Day;

    private static Standings Compute(CampaignRules rules, IEnumerable<UnitInfo> units, IEnumerable<Figure> figures, DateOnly? asOf = null) =>
        Standings.Compute(rules, units, figures, asOf ?? Day);

    [Fact]
    public void Ranking_EqualShownScores_ShareRankAndSkipTheNext()
    {
        var units = new[] { TestCampaigns.Unit("a", "Bình"), TestCampaigns.Unit("b", "An"), TestCampaigns.Unit("c", "Cường"), TestCampaigns.Unit("d", "Dũng") };
        var figures = new[] { F.Rate("a", "x", 9, 10), F.Rate("b", "x", 9, 10), F.Rate("c", "x", 8, 10), F.Rate("d", "x", 1, 10) };

        var board = Compute(TestCampaigns.Simple(), units, figures).Board(new BoardKey("k", "all"))!;

        Assert.Equal([("b", 1, true), ("a", 1, true), ("c", 3, false), ("d", 4, false)],
            board.Entries.Select(e => (e.Unit, e.Rank, e.Tied)));
    }

    [Fact]
    public void Ranking_ScoresComparedAtTwoDecimals_HalfAwayFromZero()
    {
        // Scores are 100 × n ÷ 100000: 87.454, 87.449 and 87.455.
        var units = new[] { TestCampaigns.Unit("p", "Phước"), TestCampaigns.Unit("q", "Quang"), TestCampaigns.Unit("r", "Rạng") };
        var figures = new[] { F.Rate("p", "x", 87454, 100000), F.Rate("q", "x", 87449, 100000), F.Rate("r", "x", 87455, 100000) };

        var board = Compute(TestCampaigns.Simple(), units, figures).Board(new BoardKey("k", "all"))!;

        Assert.Equal([("r", 87.46m, 1, false), ("p", 87.45m, 2, true), ("q", 87.45m, 2, true)],
            board.Entries.Select(e => (e.Unit, e.Score, e.Rank, e.Tied)));
    }

    [Fact]
    public void Ranking_TiedUnits_AreListedInVietnameseNameOrder()
    {
        var units = new[]
        {
            TestCampaigns.Unit("1", "Xã Đông Hiệp"), TestCampaigns.Unit("2", "Xã Định Môn"),
            TestCampaigns.Unit("3", "Xã Dương"), TestCampaigns.Unit("4", "Xã Ấp"), TestCampaigns.Unit("5", "Xã An"),
        };
        var figures = units.Select(u => F.Rate(u.Code, "x", 1, 2));

        var board = Compute(TestCampaigns.Simple(), units, figures).Board(new BoardKey("k", "all"))!;

        Assert.Equal(["Xã An", "Xã Ấp", "Xã Dương", "Xã Định Môn", "Xã Đông Hiệp"], board.Entries.Select(e => e.Name));
        Assert.All(board.Entries, e => Assert.Equal(1, e.Rank));
    }

    [Fact]
    public void Ranking_WithTieBreakers_OrdersEqualScoresByThatContent()
    {
        var rules = TestCampaigns.Simple() with
        {
            Indicators = [TestCampaigns.Content("x", 10m, 1m), TestCampaigns.Content("i", 10m, 1m)],
            TieBreakers = ["i"],
        };
        var units = new[] { TestCampaigns.Unit("a", "An"), TestCampaigns.Unit("b", "Bình") };
        // Both 50 overall; b is better on i.
        var figures = new[] { F.Rate("a", "x", 6, 10), F.Rate("a", "i", 4, 10), F.Rate("b", "x", 4, 10), F.Rate("b", "i", 6, 10) };

        var board = Compute(rules, units, figures).Board(new BoardKey("k", "all"))!;

        Assert.Equal([("b", 1, false), ("a", 2, false)], board.Entries.Select(e => (e.Unit, e.Rank, e.Tied)));
    }

    [Theory]
    [InlineData(1999, "tu-1000-duoi-2000")]
    [InlineData(2000, null)]
    [InlineData(2001, "tren-2000")]
    [InlineData(1000, "tu-1000-duoi-2000")]
    [InlineData(999, "duoi-1000")]
    public void Groups_CommuneBlock_FollowThePlanIncludingItsHoleAt2000(long dossiers, string? group)
    {
        var units = new[] { new UnitInfo("x-giai-xuan", "Xã Giai Xuân", "xa") };

        var standings = Compute(TestCampaigns.CanTho(), units, [F.Dossiers("x-giai-xuan", dossiers)]);

        var (board, entry) = standings.Find("x-giai-xuan")!.Value;
        Assert.Equal(new BoardKey("xa", group), board.Key);
        Assert.Equal(dossiers, entry.Dossiers);
    }

    [Fact]
    public void Groups_UnboundedGroup_TakesUnitsWithoutADossierFigure()
    {
        var units = new[] { new UnitInfo("q-ninh-kieu", "Quận Ninh Kiều", "quan-huyen") };

        var standings = Compute(TestCampaigns.CanTho(), units, []);

        Assert.Equal(new BoardKey("quan-huyen", "toan-khoi"), standings.Find("q-ninh-kieu")!.Value.Board.Key);
    }

    [Fact]
    public void Boards_EveryGroupListed_NotGroupedOnlyWhenItHasUnits()
    {
        var units = new[] { new UnitInfo("p-an-hoa", "Phường An Hòa", "phuong") };

        var standings = Compute(TestCampaigns.CanTho(), units, []);

        Assert.Equal(
        [
            "so-nganh/tu-1000", "so-nganh/duoi-1000", "quan-huyen/toan-khoi",
            "phuong/tu-3500", "phuong/tu-1500-duoi-3500", "phuong/duoi-1500", "phuong/(chưa xếp nhóm)",
            "xa/tren-2000", "xa/tu-1000-duoi-2000", "xa/duoi-1000",
        ], standings.Boards.Select(b => b.Key.ToString()));
        var notGrouped = standings.Board(new BoardKey("phuong", null))!;
        Assert.Equal(1, Assert.Single(notGrouped.Entries).Rank);
    }

    [Fact]
    public void Units_MergedWards_LeaveTheBoardOnTheMergerDate()
    {
        var units = new[]
        {
            new UnitInfo("p-an-cu", "Phường An Cư", "phuong", "Ninh Kiều", null, new DateOnly(2024, 10, 31), "p-thoi-binh"),
            new UnitInfo("p-thoi-binh", "Phường Thới Bình", "phuong", "Ninh Kiều"),
        };
        var figures = new[] { F.Dossiers("p-an-cu", 100, new DateOnly(2024, 1, 31)), F.Dossiers("p-thoi-binh", 100, new DateOnly(2024, 1, 31)) };
        var rules = TestCampaigns.CanTho();

        var before = Compute(rules, units, figures, new DateOnly(2024, 10, 31));
        var after = Compute(rules, units, figures, new DateOnly(2024, 11, 1));

        Assert.NotNull(before.Find("p-an-cu"));
        Assert.Null(after.Find("p-an-cu"));
        Assert.NotNull(after.Find("p-thoi-binh"));
    }

    [Fact]
    public void Movement_ComparesWithTheBoardSevenDaysBefore()
    {
        var units = new[] { TestCampaigns.Unit("a", "An"), TestCampaigns.Unit("b", "Bình"), TestCampaigns.Unit("c", "Cường") };
        var week1 = new DateOnly(2024, 6, 23);
        var figures = new[]
        {
            F.Rate("a", "x", 9, 10, week1), F.Rate("b", "x", 5, 10, week1),
            F.Rate("b", "x", 10, 10, Day), F.Rate("c", "x", 1, 10, new DateOnly(2024, 6, 24)),
        };

        var standings = Compute(TestCampaigns.Simple(), units, figures);

        Assert.Equal(new DateOnly(2024, 6, 23), standings.ComparisonDate);
        var entries = standings.Board(new BoardKey("k", "all"))!.Entries;
        Assert.Equal([("b", 1, (int?)2, 1), ("a", 2, 1, -1), ("c", 3, 3, 0)], entries.Select(e => (e.Unit, e.Rank, e.PreviousRank, e.Movement!.Value)));
        Assert.All(entries, e => Assert.Equal("all", e.PreviousGroup));
    }

    [Fact]
    public void Movement_UnitThatChangedGroup_HasPreviousGroupButNoPreviousRank()
    {
        var units = new[] { new UnitInfo("x-a", "Xã A", "xa") };
        var figures = new[] { F.Dossiers("x-a", 900, new DateOnly(2024, 6, 1)), F.Dossiers("x-a", 1200, Day) };

        var entry = Compute(TestCampaigns.CanTho(), units, figures).Find("x-a")!.Value.Entry;

        Assert.Equal("duoi-1000", entry.PreviousGroup);
        Assert.Null(entry.PreviousRank);
        Assert.Null(entry.Movement);
    }

    [Fact]
    public void Movement_NotGroupedBoardCountsAsABoard()
    {
        var units = new[] { new UnitInfo("x-a", "Xã A", "xa") };

        var entry = Compute(TestCampaigns.CanTho(), units, []).Find("x-a")!.Value;

        Assert.Equal(new BoardKey("xa", null), entry.Board.Key);
        Assert.Null(entry.Entry.PreviousGroup);
        Assert.Equal(1, entry.Entry.PreviousRank);
    }

    [Fact]
    public void Movement_ComparisonBeforeTheCampaign_HasNoPrevious()
    {
        var units = new[] { TestCampaigns.Unit("a") };

        var standings = Compute(TestCampaigns.Simple(), units, [F.Rate("a", "x", 1, 2, TestCampaigns.Start)], TestCampaigns.Start.AddDays(3));

        Assert.Null(standings.ComparisonDate);
        var entry = Assert.Single(standings.Board(new BoardKey("k", "all"))!.Entries);
        Assert.Null(entry.PreviousRank);
        Assert.Null(entry.PreviousGroup);
    }

    [Fact]
    public void Movement_UnitNotActiveAtComparisonDate_HasNoPrevious()
    {
        var units = new[] { new UnitInfo("a", "A", "k", ActiveFrom: new DateOnly(2024, 6, 28)) };

        var entry = Compute(TestCampaigns.Simple(), units, []).Find("a")!.Value.Entry;

        Assert.Null(entry.PreviousRank);
        Assert.Null(entry.PreviousGroup);
    }
}
