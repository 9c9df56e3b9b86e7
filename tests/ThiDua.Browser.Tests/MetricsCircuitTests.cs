using System.Text.RegularExpressions;
using ThiDua.Browser.Tests.Browser;
using ThiDua.Browser.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests;

/// <summary>Issue 16: <c>thidua_blazor_circuits</c> on /metrics counts the interactive pages open on this node.</summary>
public sealed partial class MetricsCircuitTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Metrics_PageOpenedThenClosed_CircuitsGaugeGoesOneThenZero()
    {
        // Arrange
        await using var app = new AppHost(new Dictionary<string, string?> { ["ThiDua:Metrics:Enabled"] = "true" });
        using var scraper = new HttpClient { BaseAddress = app.BaseAddress };
        var before = Circuits(await scraper.GetStringAsync("metrics"));

        // Act
        var page = await browser.NewPageAsync();
        await page.OpenAsync(app.Url(""));
        await Expect(page.Page.Locator(".thidua-root[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        var open = await WaitForCircuits(scraper, 1);
        await page.DisposeAsync();
        var closed = await WaitForCircuits(scraper, 0);

        // Assert
        Assert.Equal(0, before);
        Assert.Equal(1, open);
        Assert.Equal(0, closed);
    }

    /// <summary>The circuit connects as the page turns interactive and its connection goes down with the tab; wait up to 15 s for the count.</summary>
    private static async Task<int> WaitForCircuits(HttpClient scraper, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        int count;
        while ((count = Circuits(await scraper.GetStringAsync("metrics"))) != expected && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        return count;
    }

    private static int Circuits(string scrape) =>
        CircuitsSample().Match(scrape) is { Success: true } match ? int.Parse(match.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;

    [GeneratedRegex(@"^thidua_blazor_circuits\{[^}]*\} (?<value>\d+)", RegexOptions.Multiline)]
    private static partial Regex CircuitsSample();
}
