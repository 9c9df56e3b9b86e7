using System.Text.Json;
using Microsoft.Playwright;
using ThiDua.Browser.Tests.Browser;
using ThiDua.Browser.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests;

/// <summary>
/// Issue 14, point 13: on a phone (390 px wide) the unit page shows each content as a card (name, rate,
/// points/max, full-credit rate), nothing scrolls sideways, and the charts' labels are legible; a desk
/// screen keeps the table. Leaves the phone's screenshots in the test output's artifacts/screenshots/.
/// </summary>
public sealed class PhoneUnitPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;
    private const double SmallestLegibleFont = 11;

    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    private static readonly string[] Wards = ["p-an-hoa", "p-cai-khe", "p-bui-huu-nghia", "p-thoi-an-dong"];

    /// <summary>Month ends of the campaign: enough weeks of history for both charts.</summary>
    private static readonly string[] Dates = [.. Enumerable.Range(1, 11).Select(m => new DateOnly(2024, m, 1).AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd"))];

    [Fact]
    public async Task UnitPage_OnPhoneWidth_ShowsContentsAsCardsWithoutSidewaysScrollingAndLegibleCharts()
    {
        // Arrange
        await using var app = await ReportedAppAsync();
        await using var browserPage = await browser.NewPageAsync(PhoneWidth, PhoneHeight);
        var page = browserPage.Page;

        // Act
        await browserPage.OpenAsync(app.Url("don-vi/p-an-hoa"));
        var cards = page.Locator("[data-testid=breakdown-cards] [data-indicator]");
        await Expect(cards.First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // The score chart is drawn at the size it is shown once the circuit has measured it.
        await page.WaitForFunctionAsync("""
            () => { const s = document.querySelector('[data-testid=score-chart] svg');
                    return s !== null && Math.abs(s.viewBox.baseVal.width - s.getBoundingClientRect().width) < 2; }
            """);
        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, "don-vi-390.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        // The whole page is long; the top (cards) and the charts are looked at on their own too.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "don-vi-390-noi-dung.png"), FullPage = true,
            Clip = new Clip { X = 0, Y = await page.Locator("[data-testid=breakdown-cards]").EvaluateAsync<float>("e => e.getBoundingClientRect().top + window.scrollY - 200"), Width = PhoneWidth, Height = 1600 } });
        await page.Locator("[data-testid=rank-chart]").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "don-vi-390-bieu-do.png"), FullPage = true,
            Clip = new Clip { X = 0, Y = await page.Locator("[data-testid=rank-chart]").EvaluateAsync<float>("e => e.getBoundingClientRect().top + window.scrollY - 400"), Width = PhoneWidth, Height = 1000 } });

        // Assert: nothing scrolls sideways, neither the page nor any table on it
        var document = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(document[0] <= document[1], $"The page is {document[0]} px wide in a {document[1]} px window: it scrolls sideways.");
        var wide = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.mud-table-container, [data-testid=breakdown-cards], [data-testid=rank-chart]')]
                .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
                .map(e => `${e.className || e.dataset.testid}: ${e.scrollWidth} px in ${e.clientWidth} px`)
            """);
        Assert.Empty(wide);
        var chartEnds = await page.Locator("[data-testid=score-chart]").EvaluateAsync<double[]>("""
            e => [Math.max(...[...e.querySelectorAll('*')].map(c => c.getBoundingClientRect().bottom)), e.nextElementSibling.getBoundingClientRect().top]
            """);
        Assert.True(chartEnds[0] <= chartEnds[1] + 0.5, $"The score chart ends at {chartEnds[0]:0} px, below the heading after it at {chartEnds[1]:0} px.");

        // Assert: one card per content, with its name, rate, points/max and full-credit rate, on screen
        await Expect(page.Locator("[data-testid=breakdown]")).ToBeHiddenAsync();
        Assert.Equal(9, await cards.CountAsync());
        for (var i = 0; i < 9; i++)
        {
            var card = cards.Nth(i);
            await Expect(card).ToBeVisibleAsync();
            var box = await card.BoundingBoxAsync() ?? throw new InvalidOperationException($"Card {i} has no box.");
            Assert.True(box.X >= 0 && box.X + box.Width <= PhoneWidth + 0.5, $"Card {i} spans {box.X:0}–{box.X + box.Width:0} px.");
        }
        var c = page.Locator("[data-testid=breakdown-cards] [data-indicator=c]");
        await Expect(c).ToContainTextAsync("Số hóa");
        await Expect(c).ToContainTextAsync("Tỷ lệ71,40%"); // November: 300 + 40 × 10 + 7 × 2 = 714 of 1 000
        await Expect(c).ToContainTextAsync("Ngưỡng điểm tối đa80,00%");

        // Assert: the charts' labels are at least 11 px as drawn, and no two overlap
        // Returned as JSON text: Playwright cannot build a positional record itself.
        var labelsJson = await page.EvaluateAsync<string>("""
            () => JSON.stringify([...document.querySelectorAll('main svg text')]
                .filter(t => t.textContent.trim() !== '' && t.getBBox().width > 0)
                .map(t => { const r = t.getBoundingClientRect(); const m = t.getScreenCTM();
                    return { text: t.textContent.trim(), size: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
                             x: r.x, y: r.y, width: r.width, height: r.height, chart: t.closest('[data-testid]')?.dataset.testid ?? 'score' }; }))
            """);
        var labels = JsonSerializer.Deserialize<Label[]>(labelsJson, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
        Assert.NotEmpty(labels);
        Assert.All(labels, l => Assert.True(l.Size >= SmallestLegibleFont - 0.01, $"“{l.Text}” in the {l.Chart} chart is drawn {l.Size:0.0} px high."));
        var overlapping = labels.SelectMany((a, i) => labels.Skip(i + 1).Where(b => a.Chart == b.Chart && Overlap(a, b)).Select(b => $"“{a.Text}” and “{b.Text}”")).ToList();
        Assert.Empty(overlapping);
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        Assert.Empty(browserPage.Errors);
        Assert.True(new FileInfo(file).Length > 0, $"Screenshot {file} is empty.");
    }

    [Fact]
    public async Task UnitPage_OnDesktopWidth_KeepsTheTableAndTheWideRankChart()
    {
        // Arrange
        await using var app = await ReportedAppAsync();
        await using var browserPage = await browser.NewPageAsync(1400, 900);
        var page = browserPage.Page;

        // Act
        await browserPage.OpenAsync(app.Url("don-vi/p-an-hoa"));

        // Assert: the six-column table, no cards; the rank chart names its lines beside them, no list under it
        var table = page.Locator("[data-testid=breakdown]");
        await Expect(table).ToBeVisibleAsync();
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(9);
        await Expect(table.Locator("thead th")).ToHaveCountAsync(6);
        await Expect(page.Locator("[data-testid=breakdown-cards]")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid=rank-chart] .thidua-bump-label").Filter(new() { HasText = "Phường An Hòa" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=bump-legend]")).ToBeHiddenAsync();
        var document = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(document[0] <= document[1], $"The page is {document[0]} px wide in a {document[1]} px window.");
        Assert.Empty(browserPage.Errors);
    }

    /// <summary>Every content reported, month by month, for a few wards of one group.</summary>
    private static async Task<AppHost> ReportedAppAsync()
    {
        var app = new AppHost();
        var figures = new List<object>();
        for (var w = 0; w < Wards.Length; w++)
            for (var m = 0; m < Dates.Length; m++)
            {
                figures.Add(AppHost.Dossiers(Wards[w], 4_000 + 100 * w, Dates[m]));
                foreach (var (code, i) in new[] { "a", "b", "c", "d", "dd", "e", "g", "h", "i" }.Select((c, i) => (c, i)))
                    figures.Add(AppHost.Rate(Wards[w], code, 300 + 40 * m + 25 * w + 7 * i, 1_000, Dates[m]));
            }
        try
        {
            await app.PostFiguresAsync([.. figures]);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private static bool Overlap(Label a, Label b) =>
        a.X < b.X + b.Width - 0.5 && b.X < a.X + a.Width - 0.5 && a.Y < b.Y + b.Height - 0.5 && b.Y < a.Y + a.Height - 0.5;

    private sealed record Label(string Text, double Size, double X, double Y, double Width, double Height, string Chart);
}
