using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ThiDua.Browser.Tests.Browser;
using ThiDua.Browser.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests;

/// <summary>
/// Next year's campaign made in /quan-tri in a real Chromium: copied from 2024, given its own unit list from
/// a CSV, activated; a figure posted for it moves its board and leaves the 2024 (default) board as it was.
/// </summary>
public sealed class CampaignAdminBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NewCampaign = "can-tho-2025";
    private const string NewWard = "p-moi-mot";

    /// <summary>A MudBlazor field by its data-testid, whichever element MudBlazor puts the attribute on.</summary>
    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    private static async Task FillAsync(IPage page, string testId, string value)
    {
        var input = Input(page, testId);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    private static ILocator Row(IPage page, string code) => page.Locator($"[data-testid=campaign-row][data-code='{code}']");

    private static JsonElement Entry(JsonElement leaderboards, string block, string group, string unit) =>
        leaderboards.GetProperty("boards").EnumerateArray()
            .Single(b => b.GetProperty("block").GetString() == block && b.GetProperty("group").GetString() == group)
            .GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("unit").GetString() == unit);

    [Fact]
    public async Task CampaignsTab_CopyUnitListActivate_FigureMovesTheNewBoardOnly()
    {
        // Arrange
        await using var app = new SignedInApp();
        await using var browserPage = await browser.NewPageAsync();
        var page = browserPage.Page;
        await app.SignInAsAdminAsync(browserPage, "/quan-tri");
        var tab = page.Locator(".mud-tab").Filter(new() { HasText = "Chiến dịch" });
        await tab.ClickAsync();
        await Expect(tab).ToHaveClassAsync(new Regex(@"(^|\s)mud-tab-active(\s|$)"));
        await Expect(Row(page, "can-tho-2024").Locator("[data-testid=campaign-status]")).ToHaveTextAsync("Đang diễn ra");
        await SignedInApp.ScreenshotAsync(page, "40-chien-dich");

        // Act: copy 2024 into a new campaign
        await FillAsync(page, "campaign-copy-code", NewCampaign);
        await FillAsync(page, "campaign-copy-name", "Thi đua cải cách hành chính năm 2025");
        await FillAsync(page, "campaign-copy-start", "01/01/2025");
        await FillAsync(page, "campaign-copy-end", "31/12/2025");
        await page.Locator("[data-testid=campaign-copy-save]").ClickAsync();

        // Assert: a draft, open below the list
        await Expect(Row(page, NewCampaign).Locator("[data-testid=campaign-status]")).ToHaveTextAsync("Nháp");
        await Expect(Row(page, NewCampaign)).ToContainTextAsync("01/01/2025 – 31/12/2025");
        await Expect(page.Locator("[data-testid=campaign-draft]")).ToHaveAttributeAsync("data-code", NewCampaign);
        await Expect(page.Locator("[data-testid=campaign-units-count]")).ToHaveTextAsync("111");
        await SignedInApp.ScreenshotAsync(page, "41-chien-dich-ban-sao");

        // Act: its own unit list from a CSV
        await page.Locator("[data-testid=campaign-units] input[type=file]").Last.SetInputFilesAsync(new FilePayload
        {
            Name = "don-vi-2025.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("ma_don_vi,ten_don_vi,khoi,quan_huyen,hieu_luc_tu,hieu_luc_den,tien_than\r\n"
                + $"{NewWard},Phường Mới Một,phuong,,,,p-cai-khe; p-an-hoa\r\np-moi-hai,Phường Mới Hai,phuong,,,,\r\nx-moi-ba,Xã Mới Ba,xa,,,,\r\n"),
        });
        await Expect(page.Locator("[data-testid=campaign-units-summary]")).ToContainTextAsync("3 đơn vị");
        await SignedInApp.ScreenshotAsync(page, "42-chien-dich-danh-sach-don-vi");
        await page.Locator("[data-testid=campaign-units-commit]").ClickAsync();
        await Expect(page.Locator("[data-testid=campaign-units-count]")).ToHaveTextAsync("3");

        // Act: activate it
        await Row(page, NewCampaign).Locator("[data-testid=campaign-activate]").ClickAsync();

        // Assert
        await Expect(Row(page, NewCampaign).Locator("[data-testid=campaign-status]")).ToHaveTextAsync("Đang diễn ra");
        await Expect(page.Locator("[data-testid=admin-notice]")).ToContainTextAsync($"Đã kích hoạt chiến dịch “{NewCampaign}”");
        await SignedInApp.ScreenshotAsync(page, "43-chien-dich-da-kich-hoat");
        await SignedInApp.AssertHealthyAsync(browserPage);

        // The two campaigns' ward boards side by side, as two people would have them open: ?chien-dich= and the default.
        await using var newScreen = await browser.NewPageAsync();
        await newScreen.OpenAsync(app.Url($"bang-xep-hang/phuong?nhom=tu-3500&chien-dich={NewCampaign}"));
        await using var oldScreen = await browser.NewPageAsync();
        await oldScreen.OpenAsync(app.Url("bang-xep-hang/phuong?nhom=tu-3500"));
        var oldRows = oldScreen.Page.Locator("[data-testid=board] tr[data-unit]");
        var oldBoardBefore = await oldRows.AllInnerTextsAsync();

        // Act: a figure for the new campaign, through the API
        var defaultBefore = await app.GetJsonAsync("api/v1/leaderboards");
        var newBefore = await app.GetJsonAsync($"api/v1/leaderboards?campaign={NewCampaign}");
        await app.PostCampaignFiguresAsync(NewCampaign, [.. Figures.OnlyContentC(NewWard, 6_996, 4_000, "2025-06-30")]);

        // Assert: its board moved, the 2024 board did not
        var newAfter = await app.GetJsonAsync($"api/v1/leaderboards?campaign={NewCampaign}");
        Assert.True(newAfter.GetProperty("version").GetInt64() > newBefore.GetProperty("version").GetInt64());
        Assert.Equal(87.45m, Entry(newAfter, "phuong", "tu-3500", NewWard).GetProperty("score").GetDecimal());
        var defaultAfter = await app.GetJsonAsync("api/v1/leaderboards");
        Assert.Equal(defaultBefore.GetProperty("version").GetInt64(), defaultAfter.GetProperty("version").GetInt64());
        Assert.Equal(defaultBefore.GetProperty("boards").GetRawText(), defaultAfter.GetProperty("boards").GetRawText());
        Assert.DoesNotContain(NewWard, defaultAfter.GetRawText(), StringComparison.Ordinal);
        // ... and on the pages: the new campaign's board shows the ward without a reload, the 2024 board stays as it was.
        await Expect(newScreen.Page.Locator($"[data-testid=board] tr[data-unit='{NewWard}'] .thidua-score")).ToHaveTextAsync("87,45");
        await Expect(oldScreen.Page.Locator($"[data-testid=board] tr[data-unit='{NewWard}']")).ToHaveCountAsync(0);
        Assert.Equal(oldBoardBefore, await oldRows.AllInnerTextsAsync());
        await SignedInApp.AssertHealthyAsync(newScreen);
    }
}
