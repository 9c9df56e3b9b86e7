using Microsoft.Playwright;
using ThiDua.Browser.Tests.Browser;
using ThiDua.Browser.Tests.Hosting;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Campaigns;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests;

/// <summary>
/// On a phone (390 px) the app bar has no room for the campaign switch, so it heads the menu instead: with two
/// campaigns running, the menu offers both and switching keeps the page. On a desktop the menu does not repeat it.
/// </summary>
public sealed class PhoneCampaignSwitchTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NextYear = "can-tho-2025";

    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    private static async Task<AppHost> TwoCampaignsAsync()
    {
        var app = new AppHost();
        var catalog = app.Get<CampaignCatalog>();
        var actor = WriteActor.Trusted("kiem-thu");
        var copied = await catalog.CopyAsync("can-tho-2024", NextYear, "Thi đua cải cách hành chính năm 2025",
            new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), actor);
        Assert.Equal(CampaignOutcome.Done, copied.Outcome);
        var activated = await catalog.ActivateAsync(NextYear, actor);
        Assert.True(activated.Outcome == CampaignOutcome.Done, activated.Reason ?? string.Join("; ", activated.Findings.Errors.Select(e => e.Message)));
        return app;
    }

    /// <summary>
    /// Taps the menu button until the drawer is open: right after a page (or a navigation) becomes interactive,
    /// MudBlazor's responsive drawer may still be settling its breakpoint and take the first tap for a close.
    /// </summary>
    private static async Task OpenMenuAsync(IPage page)
    {
        var menu = page.Locator("[data-testid=phone-campaigns]");
        for (var tap = 0; tap < 5 && !await InViewportAsync(menu); tap++)
        {
            await page.GetByLabel("Mở menu").ClickAsync();
            for (var wait = 0; wait < 20 && !await InViewportAsync(menu); wait++) await page.WaitForTimeoutAsync(100);
        }
        await Expect(menu).ToBeInViewportAsync();
    }

    private static Task<bool> InViewportAsync(ILocator element) =>
        element.EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > 0 && r.left < window.innerWidth; }");

    [Fact]
    public async Task Menu_OnPhoneWidth_SwitchesTheCampaignOfTheSamePage()
    {
        // Arrange
        await using var app = await TwoCampaignsAsync();
        await using var browserPage = await browser.NewPageAsync(390, 844);
        var page = browserPage.Page;
        await browserPage.OpenAsync(app.Url("bang-xep-hang/phuong"));
        await Expect(page.Locator("[data-testid=campaign-switcher]")).ToBeHiddenAsync();

        // Act: open the menu, then its campaign group, and choose next year's campaign
        await OpenMenuAsync(page);
        var group = page.Locator("[data-testid=phone-campaigns]");
        await Expect(group).ToBeVisibleAsync();
        await Expect(group).ToContainTextAsync("Chiến dịch 15/12/2023 – 14/12/2024");
        await group.Locator(".mud-nav-group > button, .mud-nav-group .mud-nav-link").First.ClickAsync();
        var option = group.Locator($"[data-testid=phone-campaign-option][data-campaign={NextYear}]");
        await Expect(group.Locator("[data-testid=phone-campaign-option]")).ToHaveCountAsync(2);
        await Expect(group.Locator("button[aria-expanded]").First).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(option).ToBeInViewportAsync();
        // For the picture only: the group's opening is animated, and its choices count as visible while it grows.
        await page.WaitForTimeoutAsync(500);
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "menu-chien-dich-390.png") });
        await option.ClickAsync();

        // Assert: the same board, now of next year's campaign
        await page.WaitForURLAsync(url => url.Contains($"chien-dich={NextYear}", StringComparison.Ordinal) && url.Contains("/bang-xep-hang/phuong", StringComparison.Ordinal));
        await Expect(page.Locator("[data-testid=campaign-switcher]")).ToHaveAttributeAsync("data-campaign", NextYear);
        await Expect(page.Locator("[data-testid=phone-campaigns]")).ToContainTextAsync("Chiến dịch 01/01/2025 – 31/12/2025");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        Assert.Empty(browserPage.Errors);
    }

    [Fact]
    public async Task Menu_OnDesktopWidth_LeavesTheSwitchToTheAppBar()
    {
        // Arrange
        await using var app = await TwoCampaignsAsync();
        await using var browserPage = await browser.NewPageAsync(1400, 900);

        // Act
        await browserPage.OpenAsync(app.Url("bang-xep-hang/phuong"));

        // Assert
        await Expect(browserPage.Page.Locator("[data-testid=campaign-switcher]")).ToBeVisibleAsync();
        await Expect(browserPage.Page.Locator("[data-testid=phone-campaigns]")).ToBeHiddenAsync();
    }
}
