using Microsoft.Playwright;
using ThiDua.Browser.Tests.Browser;
using ThiDua.Browser.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests;

/// <summary>
/// /khen-thuong's "Biên bản họp xét" in a real Chromium: the admin enters the meeting, saves it, reads it back,
/// and the dossier's biên bản carries it (kept beside the screenshots as signed-in-41-bien-ban.docx to look at).
/// </summary>
public sealed class MeetingMinutesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Ward = "p-an-hoa";

    [Fact]
    public async Task Awards_AdminRecordsTheSelectionMeeting_ViewAndBienBanCarryIt()
    {
        // Arrange
        await using var app = new SignedInApp();
        await app.PostFiguresAsync([.. Figures.OnlyContentC(Ward, 900, 2_000)]);
        await app.RegisterAsync(Ward, "2024-04-01");
        await using var browserPage = await browser.NewPageAsync();
        var page = browserPage.Page;
        await app.SignInAsAdminAsync(browserPage, "/khen-thuong");
        var panel = page.Locator("[data-testid=meeting-panel]");
        await Expect(panel.Locator($"[data-subject={Ward}]")).ToContainTextAsync("Tập thể: Phường An Hòa");

        // Act
        await panel.GetByLabel("Thời gian họp (giờ địa phương)").FillAsync("2025-01-08T14:30");
        await panel.GetByLabel("Địa điểm").FillAsync("Phòng họp số 1, UBND thành phố");
        await panel.GetByLabel("Chủ trì").FillAsync("Lê Văn C, Chánh Văn phòng");
        await panel.GetByLabel("Thư ký").FillAsync("Phạm Thị D");
        await panel.GetByLabel("Thành phần tham dự (mỗi dòng một người)").FillAsync("Lê Văn C, Chánh Văn phòng\nPhạm Thị D, chuyên viên\nTrần Văn E, Ban Thi đua - Khen thưởng");
        var row = panel.Locator($"[data-subject={Ward}]");
        await row.GetByLabel("Tán thành", new() { Exact = true }).FillAsync("7");
        await row.GetByLabel("Không tán thành").FillAsync("1");
        await row.GetByLabel("Không biểu quyết").FillAsync("2");
        await SignedInApp.ScreenshotAsync(page, "40-khen-thuong-bien-ban-nhap");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Ghi biên bản" }).ClickAsync();

        // Assert
        await Expect(panel.Locator("[data-testid=meeting-saved]")).ToBeVisibleAsync();
        await Expect(panel.Locator("[data-testid=meeting-view]")).ToContainTextAsync("14:30 ngày 08/01/2025");
        await Expect(panel.Locator("[data-testid=meeting-recorded-votes] tbody tr")).ToContainTextAsync("Tập thể: Phường An Hòa");
        await SignedInApp.ScreenshotAsync(page, "41-khen-thuong-bien-ban-da-ghi");
        var docx = await page.APIRequest.GetAsync(app.Url("api/v1/awards/dossier/bien-ban.docx"));
        Assert.True(docx.Ok, docx.StatusText);
        var file = Path.Combine(Path.GetDirectoryName(await SignedInApp.ScreenshotAsync(page, "41-khen-thuong-bien-ban-da-ghi"))!, "signed-in-41-bien-ban.docx");
        await File.WriteAllBytesAsync(file, await docx.BodyAsync());
        await SignedInApp.AssertHealthyAsync(browserPage);
    }
}
