using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ThiDua.Browser.Tests.Browser;
using ThiDua.Browser.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests;

/// <summary>
/// The print views (issue 14, point 17) as Chromium prints them: print media on a page as wide as
/// A4 landscape inside its margins (277 mm, 1047px), against the real app with twenty ranked wards
/// and every department tied (the longest names beside the widest rank, "1 (đồng hạng)").
/// </summary>
public sealed class PrintViewTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int A4LandscapeWidth = 1047;

    private static readonly string[] Contents = ["a", "b", "c", "d", "dd", "e", "g", "h", "i"];

    [Theory]
    [InlineData("bang-xep-hang/phuong/in", "/bang-xep-hang/phuong", "← Quay lại bảng xếp hạng")]
    [InlineData("khen-thuong/in", "/khen-thuong", "← Quay lại trang khen thưởng")]
    public async Task PrintView_OnScreen_LinksBackToItsPage(string path, string back, string text)
    {
        // Arrange
        await using var app = new AppHost();
        await SeedWardsAsync(app);
        await using var tab = await browser.NewPageAsync(A4LandscapeWidth, 800);
        var page = tab.Page;

        // Act
        await OpenAsync(page, app.Url(path));

        // Assert
        var link = page.GetByTestId("print-back");
        await Expect(link).ToBeVisibleAsync();
        await Expect(link).ToHaveTextAsync(text);
        await Expect(link).ToHaveAttributeAsync("href", back);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "In / Lưu PDF" })).ToBeVisibleAsync();
        Assert.Empty(tab.Errors);
    }

    [Theory]
    [InlineData("bang-xep-hang/phuong/in")]
    [InlineData("bang-xep-hang/so-nganh/in")]
    [InlineData("khen-thuong/in")]
    public async Task PrintView_Printed_ShowsNoControlsRepeatsHeadersKeepsNamesToTwoLinesAndEndsWithSignatures(string path)
    {
        // Arrange
        await using var app = new AppHost();
        await SeedWardsAsync(app);
        await using var tab = await browser.NewPageAsync(A4LandscapeWidth, 800);
        var page = tab.Page;
        await OpenAsync(page, app.Url(path));

        // Act
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        // Assert: nothing to click on paper.
        var controls = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('a, button, input, select, textarea, [role=button]')]
                .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
                .map(e => e.outerHTML.slice(0, 80))
            """);
        Assert.Empty(controls);
        // Every table's header repeats at the top of each printed page.
        var headers = await page.Locator("table thead").EvaluateAllAsync<string[]>("all => all.map(h => getComputedStyle(h).display)");
        Assert.NotEmpty(headers);
        Assert.All(headers, display => Assert.Equal("table-header-group", display));
        // A unit's name takes two lines at most.
        var names = JsonSerializer.Deserialize<NameLines[]>(await page.Locator("td.name .thidua-print-unit").EvaluateAllAsync<string>("""
            all => JSON.stringify(all.map(e => ({ name: e.textContent, lines: new Set([...e.getClientRects()].map(r => Math.round(r.top))).size })))
            """), JsonSerializerOptions.Web) ?? [];
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.True(n.Lines <= 2, $"“{n.Name}” takes {n.Lines} lines."));
        // No table runs past the page's right edge.
        var overflowing = await page.Locator("table").EvaluateAllAsync<int>(
            "all => all.filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).length");
        Assert.Equal(0, overflowing);
        // The signatures close the document.
        var signatures = page.GetByTestId("print-signatures");
        await Expect(signatures).ToBeVisibleAsync();
        await Expect(signatures).ToContainTextAsync("Người lập biểu");
        await Expect(signatures).ToContainTextAsync("Thủ trưởng cơ quan");
        Assert.Equal(2, await signatures.GetByText("(Ký, ghi rõ họ tên)").CountAsync());
        var endsTheDocument = await signatures.EvaluateAsync<bool>("""
            e => [...e.closest('main').querySelectorAll('table, p, section')].every(o => o === e || e.contains(o)
                || !(e.compareDocumentPosition(o) & Node.DOCUMENT_POSITION_FOLLOWING))
            """);
        Assert.True(endsTheDocument, "Something follows the signature block.");
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task AwardsPrint_AsPdf_HasNoStrayPunctuation()
    {
        // Arrange: the first ward did not register, so it is passed over with a reason.
        await using var app = new AppHost();
        await SeedWardsAsync(app);
        await using var tab = await browser.NewPageAsync(A4LandscapeWidth, 800);
        var page = tab.Page;
        await OpenAsync(page, app.Url("khen-thuong/in"));

        // Act
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        var text = await page.Locator("main").InnerTextAsync();

        // Assert
        Assert.True(pdf.Length > 1000, "Chromium made no PDF of the award proposal.");
        Assert.Contains("Không đủ điều kiện dù xếp trên", text);
        Assert.DoesNotContain(".;", text);
        Assert.DoesNotContain("..", text);
        Assert.Empty(tab.Errors);
    }

    private static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Expect(page.Locator(".thidua-print[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 15_000 });
    }

    /// <summary>
    /// Twenty wards of one group with distinct scores; only the second registered in time, so it
    /// is proposed and the first is passed over with a reason. The departments all score alike.
    /// </summary>
    private static async Task SeedWardsAsync(AppHost app)
    {
        using var reader = new HttpClient { BaseAddress = app.BaseAddress };
        var units = await reader.GetFromJsonAsync<List<UnitRow>>("api/v1/units", JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("GET /api/v1/units answered nothing.");
        var wards = units.Where(u => u.Block == "phuong" && u.ActiveTo is null).Select(u => u.Code).Take(20).ToList();
        await app.PostFiguresAsync([.. wards.SelectMany((unit, i) => Figures.OnlyContentC(unit, 4_000 + 100 * i, 1_500 + 50 * i))]);
        await app.Get<ThiDua.Dashboard.Ingestion.FigureIngestion>().SetRegistrationAsync(wards[^2], new DateOnly(2024, 4, 1), "form", "test");
        var departments = units.Where(u => u.Block == "so-nganh" && u.ActiveTo is null).Select(u => u.Code);
        // Every content reported, so every content column is as wide as it gets ("10,00").
        await app.PostFiguresAsync([.. departments.SelectMany(unit => (object[])
        [
            AppHost.Dossiers(unit, 1_500),
            .. Contents.Select(code => AppHost.Rate(unit, code, 9_999, 10_000)),
        ])]);
    }

    private sealed record UnitRow(string Code, string Block, DateOnly? ActiveTo);

    private sealed record NameLines(string Name, int Lines);
}
