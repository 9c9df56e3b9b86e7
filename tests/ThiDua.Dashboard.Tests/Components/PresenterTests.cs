using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components.Web;
using ThiDua.Dashboard.Components.Presenter;

namespace ThiDua.Dashboard.Tests.Components;

public sealed class PresenterTests : PageTestContext
{
    private static readonly DateOnly Recent = new(2024, 12, 10);

    private async Task<IRenderedComponent<Presenter>> ShowAsync(string query)
    {
        // Two wards in 1,500–3,500, one commune above 2,000: three board slides plus the awards.
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "c", Recent, 60, 100),
            Dossiers("p-cai-khe", Recent, 2000), Rate("p-cai-khe", "c", Recent, 40, 100),
            Dossiers("x-giai-xuan", Recent, 2500), Rate("x-giai-xuan", "c", Recent, 50, 100));
        Navigation.NavigateTo("/trinh-chieu" + query);
        return RenderPage<Presenter>(_ => { });
    }

    private static string? Slide(IRenderedComponent<Presenter> page) =>
        page.Find("[data-testid=presenter]").GetAttribute("data-slide");

    [Fact]
    public async Task Rotation_EveryInterval_MovesToTheNextSlideWithoutRealWaiting()
    {
        var page = await ShowAsync("?giay=10");
        var first = Slide(page);

        Time.Advance(TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.NotEqual(first, Slide(page)));
        var second = Slide(page);
        Time.Advance(TimeSpan.FromSeconds(10));

        page.WaitForAssertion(() => Assert.NotEqual(second, Slide(page)));
        // Every group board with units, then the awards: phường 1.500–3.500, the districts' single
        // group and the commune above 2.000; the "Chưa xếp nhóm" boards are not slides by default.
        Assert.Equal(4, page.Instance.Deck.Slides.Count);
    }

    [Fact]
    public async Task Slides_ChosenInTheAddress_AreTheOnlyOnesShown()
    {
        var page = await ShowAsync("?trang=xa/tren-2000,khen-thuong");

        Assert.Equal(["xa/tren-2000", "khen-thuong"], page.Instance.Deck.Slides.Select(s => s.Id));
        Assert.Equal("xa/tren-2000", Slide(page));
        Assert.Contains("Xã Giai Xuân", page.Find("[data-testid=presenter-board]").TextContent);
    }

    [Fact]
    public async Task Keys_ArrowsSpaceAndEscape_DriveTheShow()
    {
        var page = await ShowAsync("?trang=phuong/tu-1500-duoi-3500,xa/tren-2000,khen-thuong&giay=10");
        var stage = page.Find("[data-testid=presenter]");

        stage.KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });
        Assert.Equal("xa/tren-2000", Slide(page));
        page.Find("[data-testid=presenter]").KeyDown(new KeyboardEventArgs { Key = "ArrowLeft" });
        Assert.Equal("phuong/tu-1500-duoi-3500", Slide(page));
        page.Find("[data-testid=presenter]").KeyDown(new KeyboardEventArgs { Key = "ArrowLeft" });
        Assert.Equal("khen-thuong", Slide(page));

        page.Find("[data-testid=presenter]").KeyDown(new KeyboardEventArgs { Key = " " });
        Time.Advance(TimeSpan.FromSeconds(30));
        await SettleAsync(page);
        Assert.Equal("khen-thuong", Slide(page));
        Assert.Contains("ĐANG TẠM DỪNG", page.Markup);

        page.Find("[data-testid=presenter]").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        Assert.EndsWith("/", Navigation.Uri);
    }

    [Fact]
    public async Task NotGroupedBoards_NotChosen_AreNoSlides()
    {
        var page = await ShowAsync("");

        Assert.DoesNotContain(page.Instance.Deck.Slides, s => s.Id.EndsWith("/chua-xep-nhom", StringComparison.Ordinal));
        Assert.Contains(page.Instance.Deck.Slides, s => s.Id == "phuong/tu-1500-duoi-3500");
        Assert.Contains(page.Instance.Deck.Slides, s => s.Id == "khen-thuong");
    }

    [Fact]
    public async Task NotGroupedBoard_ChosenInTheSettingsPanel_BecomesASlide()
    {
        var page = await ShowAsync("");
        page.Find("[data-testid=presenter-settings-button]").Click();
        var settings = page.Find("[data-testid=presenter-settings]");
        // The panel lists the not-grouped board, unticked, beside the ticked group boards.
        var notGrouped = settings.QuerySelectorAll("label").Single(l => l.TextContent.Contains("UBND phường — Chưa xếp nhóm"));
        Assert.False(notGrouped.QuerySelector("input")!.HasAttribute("checked"));

        notGrouped.QuerySelector("input")!.Change(true);
        page.FindAll("[data-testid=presenter-settings] button").Single(b => b.TextContent.Contains("Áp dụng")).Click();

        page.WaitForAssertion(() => Assert.Contains(page.Instance.Deck.Slides, s => s.Id == "phuong/chua-xep-nhom"));
        Assert.Contains("phuong%2Fchua-xep-nhom", Navigation.Uri, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(page.Instance.Deck.Slides, s => s.Id == "phuong/tu-1500-duoi-3500");
        Assert.DoesNotContain(page.Instance.Deck.Slides, s => s.Id == "xa/chua-xep-nhom");
    }

    [Fact]
    public async Task FullScreenKey_AsksTheBrowser()
    {
        var page = await ShowAsync("");

        page.Find("[data-testid=presenter]").KeyDown(new KeyboardEventArgs { Key = "f" });

        Assert.Single(JSInterop.Invocations, i => i.Identifier == "thidua.toggleFullscreen");
    }

    [Fact]
    public async Task LiveChange_OnScreen_MovesTheRowAndHighlightsIt()
    {
        var page = await ShowAsync("?trang=phuong/tu-1500-duoi-3500");
        Assert.Equal(["p-an-hoa", "p-cai-khe"], page.FindAll("tr[data-unit]").Select(r => r.GetAttribute("data-unit")));

        await SubmitAsync(Rate("p-cai-khe", "c", Recent, 95, 100));

        page.WaitForAssertion(() => Assert.Equal(["p-cai-khe", "p-an-hoa"], page.FindAll("tr[data-unit]").Select(r => r.GetAttribute("data-unit"))));
        Assert.All(page.FindAll("tr[data-unit]"), row => Assert.Contains("thidua-stage-moved", row.ClassName));
    }

    [Fact]
    public async Task ChangeOffScreen_ShowsWhenTheBoardComesRound()
    {
        var page = await ShowAsync("?trang=phuong/tu-1500-duoi-3500,xa/tren-2000&giay=10");
        page.Find("[data-testid=presenter]").KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });
        Assert.Equal("xa/tren-2000", Slide(page));

        await SubmitAsync(Rate("p-cai-khe", "c", Recent, 95, 100));
        await SettleAsync(page);
        page.Find("[data-testid=presenter]").KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });

        Assert.Equal("phuong/tu-1500-duoi-3500", Slide(page));
        var first = page.FindAll("tr[data-unit]")[0];
        Assert.Equal("p-cai-khe", first.GetAttribute("data-unit"));
        Assert.Contains("thidua-stage-moved", first.ClassName);
    }

    [Fact]
    public async Task Header_AlwaysShowsCampaignAsOfDateAndClock()
    {
        var page = await ShowAsync("");

        Assert.Contains("Số liệu tính đến 14/12/2024", page.Find("[data-testid=presenter-asof]").TextContent);
        var shown = TimeOnly.Parse(page.Find("[data-testid=presenter-clock]").TextContent, System.Globalization.CultureInfo.InvariantCulture);
        Time.Advance(TimeSpan.FromSeconds(2));
        page.WaitForAssertion(() => Assert.Equal(shown.Add(TimeSpan.FromSeconds(2)).ToString("HH:mm:ss"), page.Find("[data-testid=presenter-clock]").TextContent));
    }

    [Fact]
    public async Task DemoData_InTheDatabase_ShowsTheBannerOnTheProjector()
    {
        Services.GetRequiredService<ThiDua.Dashboard.Demo.DemoState>().MarkActive();

        var page = await ShowAsync("");

        Assert.Equal("DỮ LIỆU MÔ PHỎNG", page.Find("[data-testid=demo-banner]").TextContent);
    }

    [Fact]
    public void Deck_LargeBoard_PagesByTwenty()
    {
        var deck = new SlideDeck();
        var entries = Enumerable.Range(1, 45).Select(i => new ThiDua.Scoring.Ranking.BoardEntry(i, $"u{i}", $"U{i}", 50m, false, null, null, null));
        var board = new ThiDua.Scoring.Ranking.Board(new("xa", "g"), "Xã", "G", 1, [.. entries]);

        deck.Build([board], null);

        Assert.Equal([(0, 3), (1, 3), (2, 3)], deck.Slides.Where(s => !s.IsAwards).Select(s => (s.Page, s.Pages)));
        deck.Previous();
        Assert.True(deck.Current!.IsAwards);
    }
}
