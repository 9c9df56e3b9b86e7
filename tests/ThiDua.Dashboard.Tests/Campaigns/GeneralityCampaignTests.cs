using ThiDua.Dashboard.Campaigns.Files;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Ranking;

namespace ThiDua.Dashboard.Tests.Campaigns;

/// <summary>A campaign that exists only as a file in the tests reads cleanly and is scored by the library with its own rules.</summary>
public sealed class GeneralityCampaignTests
{
    private static readonly DateOnly June = new(2026, 6, 15);
    private static readonly DateOnly September = new(2026, 9, 30);

    [Fact]
    public void File_Reads_WithoutAnyFinding()
    {
        var report = GeneralityCampaign.Read();

        Assert.Empty(report.Errors);
        Assert.Empty(report.Warnings);
        var definition = report.Definition!;
        Assert.Equal(GeneralityCampaign.Code, definition.Rules.Code);
        Assert.Equal(3, definition.Rules.Blocks.Count);
        Assert.Equal(100m, definition.Rules.Indicators.Sum(i => i.MaxPoints));
        Assert.Equal(15, definition.Units.Count);
        Assert.All(definition.Units, u => Assert.Null(u.District));
    }

    [Fact]
    public void File_IsWhatTheWriterWrites()
    {
        var text = File.ReadAllText(GeneralityCampaign.FilePath);

        Assert.Equal(text, CampaignFileWriter.WriteString(GeneralityCampaign.Load()));
    }

    [Fact]
    public void Engine_EqualScores_AreOrderedByTheFilesTieBreakers()
    {
        var definition = GeneralityCampaign.Load();
        var engine = new LeaderboardEngine(definition.Rules, UnitLineage.ToUnitInfos(definition.Units), June);
        // Both earn 40 of 90 available points (phan-anh does not apply to departments): 44.44 each.
        // Sở Nội vụ has the full 30 on dung-han, the first tie-breaker; Sở Tư pháp has 20 there.
        engine.Apply(
        [
            new Figure("s-noi-vu", "dung-han", June, 95, 100),
            new Figure("s-noi-vu", "so-hoa", June, 45, 100),
            new Figure("s-tu-phap", "dung-han", June, 19, 30),
            new Figure("s-tu-phap", "so-hoa", June, 90, 100),
        ]);

        var board = engine.Board(new BoardKey("so-ban-nganh", "toan-khoi"));

        var top = board.Entries.Take(2).ToList();
        Assert.Equal(["s-noi-vu", "s-tu-phap"], top.Select(e => e.Unit));
        Assert.Equal([44.44m, 44.44m], top.Select(e => e.Score));
        Assert.Equal([1, 2], top.Select(e => e.Rank));
        Assert.All(top, e => Assert.False(e.Tied));
    }

    [Fact]
    public void Engine_WithoutTieBreakers_WouldTieTheSameUnits()
    {
        // The control for the test above: the order comes from the file's tie-breakers, not from chance.
        var definition = GeneralityCampaign.Load();
        var engine = new LeaderboardEngine(definition.Rules with { TieBreakers = [] }, UnitLineage.ToUnitInfos(definition.Units), June);
        engine.Apply(
        [
            new Figure("s-noi-vu", "dung-han", June, 95, 100),
            new Figure("s-noi-vu", "so-hoa", June, 45, 100),
            new Figure("s-tu-phap", "dung-han", June, 19, 30),
            new Figure("s-tu-phap", "so-hoa", June, 90, 100),
        ]);

        var top = engine.Board(new BoardKey("so-ban-nganh", "toan-khoi")).Entries.Take(2).ToList();

        Assert.All(top, e => Assert.Equal((1, true), (e.Rank, e.Tied)));
    }

    [Fact]
    public void Engine_Wards_AreGroupedByTheFilesBoundsAndScoredOnItsScale()
    {
        var definition = GeneralityCampaign.Load();
        var engine = new LeaderboardEngine(definition.Rules, UnitLineage.ToUnitInfos(definition.Units), June);
        engine.Apply(
        [
            new Figure("p-ninh-kieu", Figure.Dossiers, June, 6000, null),
            new Figure("p-ninh-kieu", "dung-han", June, 96, 100),
            new Figure("p-cai-rang", Figure.Dossiers, June, 5000, null),
            new Figure("p-cai-rang", "dung-han", June, 76, 100),
            new Figure("p-o-mon", Figure.Dossiers, June, 4999, null),
            new Figure("p-o-mon", "dung-han", June, 95, 100),
            // Nothing arose for phan-anh: the file says Full, so Ô Môn earns its 10 points too.
            new Figure("p-o-mon", "phan-anh", June, 0, 0),
        ]);

        var large = engine.Board(new BoardKey("phuong", "tu-5000")).Entries;
        var small = engine.Board(new BoardKey("phuong", "duoi-5000")).Entries;

        // 5,000 is inclusive in "tu-5000": Cái Răng is there with Ninh Kiều; 4,999 is below.
        Assert.Equal([("p-ninh-kieu", 1, 30m), ("p-cai-rang", 2, 24m)], large.Select(e => (e.Unit, e.Rank, e.Score)));
        // 30 + 10 of 100 available.
        Assert.Equal(("p-o-mon", 1, 40m), (small[0].Unit, small[0].Rank, small[0].Score));
    }

    [Fact]
    public void Engine_MergedCommunes_LeaveTheBoardAndTheirSuccessorJoinsIt()
    {
        var definition = GeneralityCampaign.Load();
        var units = UnitLineage.ToUnitInfos(definition.Units);
        var engine = new LeaderboardEngine(definition.Rules, units, June);
        engine.Apply(
        [
            new Figure("x-dong-thanh", Figure.Dossiers, June, 2500, null),
            new Figure("x-dong-thanh", "truc-tuyen", June, 70, 100),
            new Figure("x-thanh-hoa", Figure.Dossiers, September, 2600, null),
            new Figure("x-thanh-hoa", "truc-tuyen", September, 35, 100),
        ]);

        var before = engine.StandingsAsOf(June).Board(new BoardKey("xa", "tu-2000"))!.Entries.Select(e => e.Unit);
        var after = engine.StandingsAsOf(September).Board(new BoardKey("xa", "tu-2000"))!.Entries.Select(e => e.Unit);

        Assert.Equal(["x-dong-thanh"], before);
        Assert.Equal(["x-thanh-hoa"], after);
        Assert.Equal(["x-thanh-hoa", "x-thanh-hoa"], units.Where(u => u.Code is "x-dong-thanh" or "x-tay-thanh").Select(u => u.MergedInto));
    }
}
