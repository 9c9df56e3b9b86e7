using Microsoft.Playwright;
using ThiDua.Browser.Tests.Browser;
using ThiDua.Browser.Tests.Hosting;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests;

/// <summary>
/// Issue 4: a page left open on a wall screen keeps working. When its circuit is lost because the
/// server restarted, the page reconnects or reloads itself, with nobody there to press a button.
/// The server is a real process, killed and started again on the same port and database file.
/// </summary>
public sealed class WallScreenTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string First = "p-an-hoa";   // 85,00 throughout
    private const string Second = "p-cai-khe"; // 75,00 before the restart, 87,45 after it
    private const string BoardPath = "bang-xep-hang/phuong?nhom=tu-3500";

    /// <summary>How long the server stays down: long enough for the page to notice and give up on the old circuit.</summary>
    private static readonly TimeSpan Downtime = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task LeaderboardPage_ServerKilledAndRestartedOnSamePort_RecoversByItselfAndShowsNewScore()
    {
        // Arrange
        var folder = Path.Combine(Path.GetTempPath(), "thidua-wall-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "thidua.db");
        var port = ServerProcess.FreePort();
        ServerProcess? server = null;
        try
        {
            server = await ServerProcess.StartAsync(port, database);
            await server.PostFiguresAsync([.. Figures.OnlyContentC(First, 6_800, 4_000), .. Figures.OnlyContentC(Second, 6_000, 3_800)]);
            await using var wall = await browser.NewPageAsync();
            var page = wall.Page;
            await wall.OpenAsync(server.Url(BoardPath));
            var secondScore = page.Locator($"[data-testid=board] tr[data-unit='{Second}'] .thidua-score");
            await Expect(secondScore).ToHaveTextAsync("75,00");
            var url = page.Url;
            await page.EvaluateAsync("() => { window.__beforeRestart = 1; }");

            // Act: the server dies; the page notices; a new server comes up at the same address.
            server.Kill();
            await Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync(new() { Timeout = 10_000 });
            await Task.Delay(Downtime);
            server.Dispose();
            server = await ServerProcess.StartAsync(port, database);
            var restarted = DateTime.UtcNow;
            await server.PostFiguresAsync(AppHost.Rate(Second, "c", 6_996, 10_000));

            // Assert: no navigation, no click from the test; the page brings itself back.
            await Expect(secondScore).ToHaveTextAsync("87,45", new() { Timeout = 30_000 });
            await Expect(page.Locator(".thidua-root[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 30_000 });
            await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
            await Expect(page.Locator($"[data-testid=board] tr[data-unit='{Second}']")).ToHaveAttributeAsync("data-rank", "1");
            await Expect(page.Locator($"[data-testid=board] tr[data-unit='{First}'] .thidua-score")).ToHaveTextAsync("85,00");
            Assert.Equal(url, page.Url);
            var reloaded = await page.EvaluateAsync<int?>("() => window.__beforeRestart") is null;
            output.WriteLine($"The page {(reloaded ? "reloaded itself" : "reconnected without reloading")} and showed the new score {(DateTime.UtcNow - restarted).TotalSeconds:0.0} s after the new server answered.");
        }
        catch (PlaywrightException e) when (server is not null)
        {
            throw new InvalidOperationException($"{e.Message}{Environment.NewLine}Output of the app running then:{Environment.NewLine}{server.Output}", e);
        }
        finally
        {
            server?.Dispose();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* a leftover temp folder is harmless */ }
        }
    }
}
