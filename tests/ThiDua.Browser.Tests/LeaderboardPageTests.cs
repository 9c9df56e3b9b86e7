using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ThiDua.Browser.Tests.Browser;
using ThiDua.Browser.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests;

/// <summary>The block leaderboard in a real Chromium against the real app on a fresh SQLite file per test.</summary>
public sealed partial class LeaderboardPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string First = "p-an-hoa";   // Phường An Hòa: 85,00 at the start
    private const string Second = "p-cai-khe"; // Phường Cái Khế: 75,00 at the start, 87,45 after the lift
    private const string SecondName = "Phường Cái Khế";
    private const string BoardPath = "bang-xep-hang/phuong?nhom=tu-3500";
    private const string PastBoardPath = BoardPath + "&ngay=2024-06-30";

    /// <summary>The live push must reach the screen within this long.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions WithinTwoSeconds = new() { Timeout = 2000 };

    [GeneratedRegex(@"(^|\s)thidua-row-mine(\s|$)")]
    private static partial Regex MineClass();

    private static async Task<AppHost> StartWithTwoWardsAsync()
    {
        var app = new AppHost();
        await app.PostFiguresAsync([.. Figures.OnlyContentC(First, 6_800, 4_000), .. Figures.OnlyContentC(Second, 6_000, 3_800)]);
        return app;
    }

    private static ILocator Row(IPage page, string unit) => page.Locator($"[data-testid=board] tr[data-unit='{unit}']");

    [Fact]
    public async Task LiveBoard_FigureLiftsSecondWardAboveFirst_ShowsNewScoreAndOrderWithoutReload()
    {
        // Arrange
        await using var app = await StartWithTwoWardsAsync();
        await using var browserPage = await browser.NewPageAsync();
        var page = browserPage.Page;
        await browserPage.OpenAsync(app.Url(BoardPath));
        await Expect(Row(page, First)).ToHaveAttributeAsync("data-rank", "1");
        await Expect(Row(page, Second)).ToHaveAttributeAsync("data-rank", "2");
        await Expect(Row(page, Second).Locator(".thidua-score")).ToHaveTextAsync("75,00");
        await page.EvaluateAsync("() => { window.__marker = 1; }");
        var url = page.Url;

        // Act
        await app.PostFiguresAsync(AppHost.Rate(Second, "c", 6_996, 10_000));

        // Assert
        await Expect(Row(page, Second).Locator(".thidua-score")).ToHaveTextAsync("87,45", WithinTwoSeconds);
        await Expect(Row(page, Second)).ToHaveAttributeAsync("data-rank", "1", new() { Timeout = 2000 });
        await Expect(Row(page, First)).ToHaveAttributeAsync("data-rank", "2", new() { Timeout = 2000 });
        await Expect(page.Locator("[data-testid=board] tbody tr[data-unit]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=board] tbody tr[data-unit]").First).ToHaveAttributeAsync("data-unit", Second);
        await Expect(Row(page, First).Locator(".thidua-score")).ToHaveTextAsync("85,00");
        Assert.Equal(1, await page.EvaluateAsync<int?>("() => window.__marker"));
        Assert.Equal(url, page.Url);
    }

    [Fact]
    public async Task MyUnit_ChosenThenPageReloaded_RowStaysMarkedAsMine()
    {
        // Arrange
        await using var app = await StartWithTwoWardsAsync();
        await using var browserPage = await browser.NewPageAsync();
        var page = browserPage.Page;
        await browserPage.OpenAsync(app.Url(BoardPath));
        await Expect(Row(page, Second)).Not.ToHaveClassAsync(MineClass());

        // Act
        // The picker is a native select: choose by the visible name, as a person does in its list.
        await page.Locator("[data-testid=my-unit]").SelectOptionAsync(new SelectOptionValue { Label = SecondName });
        await Expect(Row(page, Second)).ToHaveClassAsync(MineClass());
        await browserPage.ReloadAsync();

        // Assert
        await Expect(Row(page, Second)).ToHaveClassAsync(MineClass());
        await Expect(Row(page, First)).Not.ToHaveClassAsync(MineClass());
        Assert.Equal(Second, await page.EvaluateAsync<string?>("() => localStorage.getItem('thidua.myUnit')"));
    }

    [Fact]
    public async Task PastDateBoard_FigurePostedForThatDate_ShowsNoteAndStaysUnchanged()
    {
        // Arrange
        await using var app = await StartWithTwoWardsAsync();
        await using var past = await browser.NewPageAsync();
        await using var live = await browser.NewPageAsync();
        await past.OpenAsync(app.Url(PastBoardPath));
        await live.OpenAsync(app.Url(BoardPath));
        await Expect(past.Page.Locator("[data-testid=past-note]")).ToContainTextAsync("bảng không tự cập nhật");
        await Expect(Row(past.Page, Second).Locator(".thidua-score")).ToHaveTextAsync("75,00");
        var board = past.Page.Locator("[data-testid=board]");
        var before = await board.InnerTextAsync();
        await past.Page.EvaluateAsync("() => { window.__marker = 1; }");

        // Act: a figure dated the very day the past page shows, so a live page at that date would change.
        await app.PostFiguresAsync(AppHost.Rate(Second, "c", 6_996, 10_000));
        await Expect(Row(live.Page, Second).Locator(".thidua-score")).ToHaveTextAsync("87,45", WithinTwoSeconds);
        // Nothing to wait for when asserting that nothing happens: give a push time to arrive.
        await past.Page.WaitForTimeoutAsync(1500);

        // Assert
        Assert.Equal(before, await board.InnerTextAsync());
        Assert.Equal(1, await past.Page.EvaluateAsync<int?>("() => window.__marker"));
        await Expect(past.Page.Locator("[data-testid=past-note]")).ToBeVisibleAsync();
        // The stored figure does count for that date: opening the page again shows it.
        await past.ReloadAsync();
        await Expect(Row(past.Page, Second).Locator(".thidua-score")).ToHaveTextAsync("87,45");
    }
}
