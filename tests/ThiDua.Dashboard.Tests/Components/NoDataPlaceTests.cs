using Bunit;
using ThiDua.Dashboard.Components.Pages;

namespace ThiDua.Dashboard.Tests.Components;

/// <summary>No data, no first place: units without a single figure hold no rank on the board or the overview.</summary>
public sealed class NoDataPlaceTests : PageTestContext
{
    private static readonly DateOnly Recent = new(2024, 12, 10);

    [Fact]
    public async Task Leaderboard_UnitsWithoutAnyFigure_SayNoDataWhereTheRankWouldBe()
    {
        // An Hòa reported one rate but no dossier count: it stands on the not-grouped board with the silent wards.
        await SubmitAsync(Rate("p-an-hoa", "c", Recent, 50, 100));

        var page = RenderPage<Leaderboard>(p => p.Add(x => x.BlockCode, "phuong"));

        Assert.Equal("1", Text(page.Find("tr[data-unit='p-an-hoa'] td.thidua-rank")));
        var silent = Text(page.Find("tr[data-unit='p-cai-khe'] td.thidua-rank"));
        Assert.Equal("Chưa có số liệu", silent);
    }

    [Fact]
    public void Home_NoFigureAnywhere_ListsNoLeaderAndSaysNoData()
    {
        var page = RenderPage<Home>(_ => { });

        var ward = page.Find("[data-testid=block-phuong]");
        Assert.Empty(ward.QuerySelectorAll("li"));
        Assert.Equal("Chưa có số liệu", Text(ward.QuerySelector("[data-testid=board-no-data]")!));
    }

    [Fact]
    public async Task Home_OneUnitReported_OnlyItIsListedAsLeader()
    {
        await SubmitAsync(Rate("p-an-hoa", "c", Recent, 50, 100));

        var page = RenderPage<Home>(_ => { });

        var leader = Assert.Single(page.Find("[data-testid=block-phuong]").QuerySelectorAll("li"));
        Assert.Contains("Phường An Hòa", leader.TextContent);
    }
}
