using Microsoft.Playwright;
using ThiDua.Browser.Tests.Browser;
using ThiDua.Browser.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests;

/// <summary>
/// Issue 14, point 7: the app bar's unit search, used with the keyboard only, on a desk screen and on a
/// 390 px phone, where it must not push the bar's other items off the screen. Leaves the screenshots in
/// the test output's artifacts/screenshots/.
/// </summary>
public sealed class AppSearchTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    [Theory]
    [InlineData(1400, 900)]
    [InlineData(390, 844)]
    public async Task AppBarSearch_KeyboardOnly_OpensTheUnitPageAndKeepsTheBarOnScreen(int width, int height)
    {
        // Arrange
        await using var app = new AppHost();
        // A figure, so that the bar shows the time of the last change, its widest state.
        await app.PostFiguresAsync([.. Figures.OnlyContentC("p-an-hoa", 5_000, 3_600)]);
        await using var browserPage = await browser.NewPageAsync(width, height);
        var page = browserPage.Page;
        await browserPage.OpenAsync(app.Url(""));
        Directory.CreateDirectory(ScreenshotFolder);

        // Assert: the bar's items, the search included, are whole on the screen and the page does not scroll sideways.
        await AssertOnScreenAsync(page, width, "[data-testid=app-search]", "[data-testid=sign-in]", "[data-testid=last-changed]");
        await Expect(page.Locator("[data-testid=last-changed]")).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex(@"^Số liệu cập nhật lúc \d\d:\d\d:\d\d \d\d/\d\d/\d{4}$"));

        // Act: from the page's heading (where navigation puts the focus) back up to the bar with Shift+Tab,
        // type without accents, arrow to the unit, Enter.
        for (var tabs = 0; tabs < 30 && !await page.EvaluateAsync<bool>("() => document.activeElement?.id === 'app-unit-search'"); tabs++)
            await page.Keyboard.PressAsync("Shift+Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.id === 'app-unit-search'"), "Tab never reached the app bar's search: " + await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200)"));
        await page.Keyboard.TypeAsync("cai khe");
        var options = page.Locator("[data-testid=app-search-option]");
        await Expect(options).ToHaveCountAsync(1);
        await Expect(options.First).ToContainTextAsync("Phường Cái Khế");
        await AssertOnScreenAsync(page, width, "[data-testid=app-search]", "[data-testid=app-search-list]");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"tim-don-vi-{width}.png") });
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Enter");

        // Assert: straight to the unit page, the list gone.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/don-vi/p-cai-khe$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Phường Cái Khế");
        await Expect(page.Locator("[data-testid=app-search-list]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        Assert.Empty(browserPage.Errors);
    }

    /// <summary>Issue 14, point 8: the own unit chosen on a board is remembered and comes first on the overview.</summary>
    [Fact]
    public async Task MyUnit_ChosenOnABoard_ComesFirstOnTheOverview()
    {
        // Arrange
        await using var app = new AppHost();
        await app.PostFiguresAsync([.. Figures.OnlyContentC("p-cai-khe", 5_000, 3_600), .. Figures.OnlyContentC("p-an-hoa", 7_000, 4_000)]);
        await using var browserPage = await browser.NewPageAsync();
        var page = browserPage.Page;
        await browserPage.OpenAsync(app.Url("bang-xep-hang/phuong"));

        // Act
        await page.Locator("[data-testid=my-unit]").SelectOptionAsync("p-cai-khe");
        await Expect(page.Locator("tr[data-unit='p-cai-khe']")).ToHaveAttributeAsync("aria-current", "true");
        await browserPage.OpenAsync(app.Url(""));

        // Assert
        var cards = page.Locator("[data-testid=my-unit-card], [data-testid^=block-]");
        await Expect(cards.First).ToHaveAttributeAsync("data-testid", "my-unit-card");
        await Expect(cards.First).ToContainTextAsync("Phường Cái Khế");
        await Expect(page.Locator("[data-testid=my-unit-rank]")).ToHaveTextAsync("Hạng 2/2");
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "tong-quan-don-vi-cua-toi.png") });
        Assert.Empty(browserPage.Errors);
    }

    private static async Task AssertOnScreenAsync(IPage page, int width, params string[] selectors)
    {
        var document = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(document[0] <= document[1], $"The page is {document[0]} px wide in a {document[1]} px window: it scrolls sideways.");
        foreach (var selector in selectors)
        {
            var element = page.Locator(selector);
            await Expect(element).ToBeVisibleAsync();
            var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException($"{selector} has no box.");
            Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5,
                $"{selector} spans {box.X:0}–{box.X + box.Width:0} px, outside the {width} px screen.");
        }
    }
}
