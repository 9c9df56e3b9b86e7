using Microsoft.Playwright;
using ThiDua.Browser.Tests.Browser;
using ThiDua.Browser.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests;

/// <summary>
/// Every page renders in a real browser with no Blazor error UI and no console error, and leaves a
/// full-page screenshot (1400×900 viewport) in the test output's artifacts/screenshots/ for review.
/// </summary>
public sealed class PageScreenshotTests(BrowserFixture browser, PageScreenshotTests.SeededApp app)
    : IClassFixture<BrowserFixture>, IClassFixture<PageScreenshotTests.SeededApp>
{
    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    [Theory]
    [InlineData("tong-quan", "")]
    [InlineData("bang-xep-hang-so-nganh", "bang-xep-hang/so-nganh")]
    [InlineData("bang-xep-hang-quan-huyen", "bang-xep-hang/quan-huyen")]
    [InlineData("bang-xep-hang-phuong", "bang-xep-hang/phuong")]
    [InlineData("bang-xep-hang-xa", "bang-xep-hang/xa")]
    [InlineData("don-vi-p-an-hoa", "don-vi/p-an-hoa")]
    [InlineData("tong-quan-ngay-2024-06-30", "?ngay=2024-06-30")]
    [InlineData("bang-xep-hang-phuong-ngay-2024-06-30", "bang-xep-hang/phuong?ngay=2024-06-30")]
    public async Task Page_OpenedWithFigures_RendersWithoutErrorsAndSavesScreenshot(string name, string path)
    {
        // Arrange
        await using var browserPage = await browser.NewPageAsync();
        var page = browserPage.Page;

        // Act
        await browserPage.OpenAsync(app.Host.Url(path));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });

        // Assert
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        Assert.Empty(browserPage.Errors);
        Assert.True(new FileInfo(file).Length > 0, $"Screenshot {file} is empty.");
    }

    /// <summary>One app for all the screenshots, with figures in every block so the pages are not empty.</summary>
    public sealed class SeededApp : IAsyncLifetime
    {
        private AppHost? _host;

        public AppHost Host => _host ?? throw new InvalidOperationException("The app has not been started.");

        public async Task InitializeAsync()
        {
            _host = new AppHost();
            await _host.PostFiguresAsync(
            [
                .. Figures.OnlyContentC("so-xay-dung", 7_500, 1_200),
                .. Figures.OnlyContentC("so-y-te", 6_400, 800),
                .. Figures.OnlyContentC("q-ninh-kieu", 7_900, 5_000),
                .. Figures.OnlyContentC("q-binh-thuy", 6_100, 4_200),
                .. Figures.OnlyContentC("p-an-hoa", 6_800, 4_000),
                .. Figures.OnlyContentC("p-cai-khe", 6_000, 3_800),
                .. Figures.OnlyContentC("p-an-binh", 5_200, 2_000),
                .. Figures.OnlyContentC("x-my-khanh", 7_000, 2_500),
                .. Figures.OnlyContentC("tt-phong-dien", 4_900, 1_200),
            ]);
            // A later report, so the live pages differ from the 2024-06-30 ones.
            await _host.PostFiguresAsync(AppHost.Rate("p-an-hoa", "c", 7_400, 10_000, "2024-09-30"));
        }

        public async Task DisposeAsync()
        {
            if (_host is not null) await _host.DisposeAsync();
        }
    }
}
