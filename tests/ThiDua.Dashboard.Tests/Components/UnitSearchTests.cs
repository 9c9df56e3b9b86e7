using Bunit;
using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Components.Layout;
using ThiDua.Dashboard.Components.Pages;

namespace ThiDua.Dashboard.Tests.Components;

/// <summary>Search everywhere: the app bar finds any unit without accents and opens its page; a board's search points to the other tabs.</summary>
public sealed class UnitSearchTests : PageTestContext
{
    private static readonly DateOnly Recent = new(2024, 12, 10);

    private static string[] Options(IRenderedComponent<UnitSearch> search) =>
        [.. search.FindAll("[data-testid=app-search-option]").Select(o => o.GetAttribute("data-code")!)];

    [Fact]
    public void Layout_EveryPage_HasTheUnitSearchInTheAppBar()
    {
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(_ => { })));

        Assert.NotNull(layout.Find(".mud-appbar [data-testid=app-search]"));
    }

    [Fact]
    public void AppSearch_TypedWithoutAccents_ListsUnitsOfEveryBlockAndOpensNothing()
    {
        Navigation.NavigateTo("/bang-xep-hang/phuong");
        var search = Render<UnitSearch>();

        search.Find("[data-testid=app-search]").Input("thoi an dong");
        Assert.Equal(["p-thoi-an-dong"], Options(search));

        search.Find("[data-testid=app-search]").Input("so tu phap");
        Assert.Equal(["so-tu-phap"], Options(search));
        Assert.Contains("Cơ quan chuyên môn", search.Find("[data-testid=app-search-option]").TextContent);

        search.Find("[data-testid=app-search]").KeyDown("Enter");
        Assert.EndsWith("/bang-xep-hang/phuong", Navigation.Uri);
    }

    [Fact]
    public void AppSearch_ArrowAndEnter_OpensTheUnitPageOnTheSameDate()
    {
        Navigation.NavigateTo("/bang-xep-hang/phuong?ngay=2024-06-30");
        var search = Render<UnitSearch>();

        search.Find("[data-testid=app-search]").Input("cai khe");
        Assert.Equal(["p-cai-khe"], Options(search));
        search.Find("[data-testid=app-search]").KeyDown("ArrowDown");
        search.Find("[data-testid=app-search]").KeyDown("Enter");

        Assert.EndsWith("/don-vi/p-cai-khe?ngay=2024-06-30", Navigation.Uri);
        Assert.Empty(search.FindAll("[data-testid=app-search-list]"));
    }

    [Fact]
    public void AppSearch_Escape_ClosesTheList()
    {
        var search = Render<UnitSearch>();

        search.Find("[data-testid=app-search]").Input("an");
        Assert.NotEmpty(Options(search));
        search.Find("[data-testid=app-search]").KeyDown("Escape");

        Assert.Empty(search.FindAll("[data-testid=app-search-list]"));
    }

    [Fact]
    public async Task Leaderboard_Search_FindsUnitsOnOtherTabsAndSaysWhichTab()
    {
        // An Hòa stands in a size group; Cái Khế and Thới An Đông have no dossier count, so they are not grouped.
        await SubmitAsync(Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "c", Recent, 50, 100));
        Navigation.NavigateTo("/bang-xep-hang/phuong?nhom=tu-1500-duoi-3500");
        var page = RenderPage<Leaderboard>(p => p.Add(x => x.BlockCode, "phuong"));

        page.Find("input[data-testid=search]").Input("thoi an dong");

        var elsewhere = page.Find("[data-testid=search-elsewhere]");
        var line = Assert.Single(elsewhere.QuerySelectorAll("li"));
        Assert.Equal("p-thoi-an-dong", line.GetAttribute("data-unit"));
        Assert.Contains("Phường Thới An Đông — ở tab Chưa xếp nhóm", Text(line));
        Assert.Empty(page.FindAll("tr[data-unit]"));
    }
}
