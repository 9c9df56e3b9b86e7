using Microsoft.Playwright;

namespace ThiDua.Browser.Tests.Browser;

/// <summary>
/// One headless Debian Chromium per test class. If it cannot start, every test of the class fails
/// with the reason: a browser test that silently skips proves nothing.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser fixture has not been initialised.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"Browser tests need Chromium at {ExecutablePath}, and it is missing. Install it with 'apt-get install -y chromium' (.ci/run does this on a clean machine).");
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                ],
            });
        }
        catch (Exception e) when (e is PlaywrightException or InvalidOperationException or IOException or TimeoutException)
        {
            _playwright?.Dispose();
            throw new InvalidOperationException($"Chromium at {ExecutablePath} could not be started through Playwright: {e.Message}", e);
        }
    }

    /// <summary>A fresh context (own localStorage) and page, 1400×900 unless told, that records console errors and page errors.</summary>
    /// <param name="bypassCsp">
    /// Lets the test inject a script (axe-core): the app's Content-Security-Policy blocks injected
    /// scripts, as it should for everyone else.
    /// </param>
    public async Task<BrowserPage> NewPageAsync(int width = 1400, int height = 900, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            BypassCSP = bypassCsp,
        });
        return await BrowserPage.CreateAsync(context);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
