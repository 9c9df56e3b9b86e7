using Microsoft.Playwright;
using ThiDua.Browser.Tests.Browser;
using ThiDua.Browser.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests;

/// <summary>
/// Issue 12, point 12: on a phone (390 px wide) a board shows every row's rank, unit and score
/// without scrolling sideways, neither the page nor the table. Leaves the screenshot in the test
/// output's artifacts/screenshots/.
/// </summary>
public sealed class PhoneBoardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    /// <summary>Long names, a tie, award tags and a late report: everything that widens a row.</summary>
    private static readonly string[] Wards = ["p-bui-huu-nghia", "p-thuong-thanh", "p-chau-van-liem", "p-thoi-an-dong", "p-an-hoa"];

    [Fact]
    public async Task Board_OnPhoneWidth_ShowsRankUnitAndScoreWithoutSidewaysScrolling()
    {
        // Arrange
        await using var app = new AppHost();
        await app.PostFiguresAsync(
        [
            .. Figures.OnlyContentC(Wards[0], 7_900, 6_000),
            .. Figures.OnlyContentC(Wards[1], 7_200, 5_000),
            .. Figures.OnlyContentC(Wards[2], 7_200, 4_500),
            .. Figures.OnlyContentC(Wards[3], 6_100, 4_000),
            .. Figures.OnlyContentC(Wards[4], 5_000, 3_600),
        ]);
        await using var browserPage = await browser.NewPageAsync(PhoneWidth, PhoneHeight);
        var page = browserPage.Page;

        // Act
        await browserPage.OpenAsync(app.Url("bang-xep-hang/phuong?nhom=tu-3500"));
        var rows = page.Locator("[data-testid=board] tbody tr[data-unit]");
        await Expect(rows).ToHaveCountAsync(Wards.Length);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, "bang-xep-hang-phuong-390.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });

        // Assert: nothing scrolls sideways
        var document = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(document[0] <= document[1], $"The page is {document[0]} px wide in a {document[1]} px window: it scrolls sideways.");
        var table = await page.Locator("[data-testid=board] .mud-table-container")
            .EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
        Assert.True(table[0] <= table[1], $"The board's table is {table[0]} px wide in its {table[1]} px box: it scrolls sideways.");

        // Assert: every row's rank, unit and score are on screen, whole
        for (var i = 0; i < Wards.Length; i++)
        {
            var row = rows.Nth(i);
            var unit = await row.GetAttributeAsync("data-unit");
            foreach (var (what, cell) in new[]
            {
                ("rank", row.Locator("td.thidua-rank")),
                ("unit", row.Locator("td a[href^='/don-vi/']")),
                ("score", row.Locator("td.thidua-score")),
            })
            {
                await Expect(cell).ToBeVisibleAsync();
                var box = await cell.BoundingBoxAsync() ?? throw new InvalidOperationException($"The {what} of {unit} has no box.");
                Assert.True(box.X >= 0 && box.X + box.Width <= PhoneWidth + 0.5,
                    $"The {what} of {unit} spans {box.X:0}–{box.X + box.Width:0} px, outside the {PhoneWidth} px screen.");
            }
        }
        await Expect(rows.First.Locator("td.thidua-score")).ToHaveTextAsync("98,75");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        Assert.Empty(browserPage.Errors);
        Assert.True(new FileInfo(file).Length > 0, $"Screenshot {file} is empty.");
    }
}
