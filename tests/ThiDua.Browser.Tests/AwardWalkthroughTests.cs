using System.IO.Compression;
using Microsoft.Playwright;
using ThiDua.Browser.Tests.Browser;
using ThiDua.Browser.Tests.Hosting;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Tests.Dossier;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests;

/// <summary>
/// The award from end to end in a real Chromium, each office in its own browser (KH 74, III.5 and
/// IV.2): a ward's editor registers on its unit page, the City Office accepts on /dang-ky and fixes
/// the list on /khen-thuong, Ban Thi đua - Khen thưởng appraises, the admin records the Chairman's
/// decision, and the dossier downloads as the decided one. Each step leaves a full-page screenshot
/// under artifacts/screenshots/signed-in-walk-*.png.
/// </summary>
public sealed class AwardWalkthroughTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Ward = "p-an-hoa";
    private const string WardName = "Phường An Hòa";
    private const string OtherWard = "p-cai-khe";
    private const string Password = "mat-khau-rieng-cua-toi-2024";
    private const string DecisionNumber = "125/QĐ-UBND";

    /// <summary>The day the ward's paper registration was sent: before the deadline of 15/04/2024.</summary>
    private const string PaperRegistrationDate = "2024-04-10";

    private static ILocator Panel(IPage page) => page.Locator("[data-testid=proposal-panel]");

    [Fact]
    public async Task EditorRegisters_OfficeAcceptsAndSelects_BoardAppraises_AdminDecides_DossierDownloads()
    {
        // Arrange: two wards of the same size group (2.000 dossiers), An Hòa ahead (70% against 60% on content c).
        // Cái Khế's registration and both assessments are not part of the walk: the admin's key records them.
        await using var app = new SignedInApp();
        await app.PostFiguresAsync([.. Figures.OnlyContentC(Ward, 7_000, 2_000), .. Figures.OnlyContentC(OtherWard, 6_000, 2_000)]);
        await app.RegisterAsync(OtherWard, "2024-03-01");
        await app.AssessAsMetAsync(Ward);
        await app.AssessAsMetAsync(OtherWard);
        await app.CreateUserAsync("bien-tap-an-hoa", "Biên tập An Hòa", Roles.Editor, UnitScope.Of([Ward]));
        await app.CreateUserAsync("van-phong", "Văn phòng UBND", Roles.Committee, UnitScope.All);
        await app.CreateUserAsync("ban-tdkt", "Ban Thi đua - Khen thưởng", Roles.Appraiser, UnitScope.All);

        // Act 1: the ward's editor sends the registration from its unit page
        await using var editor = await browser.NewPageAsync();
        await app.SignInFirstTimeAsync(editor, "bien-tap-an-hoa", "Biên tập An Hòa", SignedInApp.UserInitialPassword, Password, $"/don-vi/{Ward}");
        var page = editor.Page;
        await Expect(page.Locator("[data-testid=registration-state]")).ToHaveAttributeAsync("data-status", "none");
        await page.Locator("[data-testid=registration-number] input").Or(page.Locator("input[data-testid=registration-number]")).First.FillAsync("15/ĐK-UBND");
        var date = page.Locator("[data-testid=registration-date] input").Or(page.Locator("input[data-testid=registration-date]")).First;
        await date.FillAsync("10/04/2024");
        await date.PressAsync("Tab");
        await ScreenshotAsync(page, "walk-01-don-vi-gui-dang-ky");
        await page.Locator("[data-testid=registration-send]").ClickAsync();

        // Assert 1
        await Expect(page.Locator("[data-testid=registration-message]")).ToContainTextAsync("Đã gửi đăng ký thi đua (văn bản số 15/ĐK-UBND).");
        await Expect(page.Locator("[data-testid=registration-state]")).ToHaveAttributeAsync("data-status", "submitted");
        await Expect(page.Locator("[data-testid=registration-form]")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "walk-02-don-vi-da-gui");
        await SignedInApp.AssertHealthyAsync(editor);

        // Act 2: the City Office accepts it on /dang-ky
        await using var office = await browser.NewPageAsync();
        await app.SignInFirstTimeAsync(office, "van-phong", "Văn phòng UBND", SignedInApp.UserInitialPassword, Password, "/dang-ky");
        page = office.Page;
        var row = page.Locator("[data-testid=registration-row][data-status=submitted]").Filter(new() { HasText = WardName });
        await Expect(row).ToContainTextAsync("15/ĐK-UBND");
        await Expect(row).ToContainTextAsync("10/04/2024");
        await ScreenshotAsync(page, "walk-03-dang-ky-cho-xet");
        await row.Locator("[data-testid=accept]").ClickAsync();

        // Assert 2
        await Expect(page.Locator("[data-testid=registrations-message]")).ToContainTextAsync(WardName);
        await Expect(page.Locator("[data-testid=registration-row]").Filter(new() { HasText = WardName })).ToHaveCountAsync(0);
        await page.Locator("[data-testid=filter-accepted]").ClickAsync();
        await Expect(page.Locator("[data-testid=registration-row][data-status=accepted]").Filter(new() { HasText = WardName })).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "walk-04-dang-ky-da-chap-nhan");
        await SignedInApp.AssertHealthyAsync(office);

        // The test host runs on the real clock (DashboardHost has no test clock, and a fixed one would also
        // move every page's default date and the sign-in cookies), so "today" — the day the registration was
        // sent online — is after 15/04/2024 and the ward would not qualify. The campaign itself ran in 2024:
        // as an admin would for a paper registration sent in time, the admin key records its date
        // (PUT /api/v1/units/{code}/registration, the admin side's "set the date" path).
        await app.RegisterAsync(Ward, PaperRegistrationDate);

        // Act 3: the City Office fixes the list on /khen-thuong
        await office.OpenAsync(app.Url("khen-thuong"));
        await Expect(Panel(page)).ToHaveAttributeAsync("data-state", "draft");
        await Expect(page.Locator("[data-testid=do-select]")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "walk-05-khen-thuong-du-thao");
        await page.Locator("[data-testid=do-select]").ClickAsync();

        // Assert 3
        await Expect(Panel(page)).ToHaveAttributeAsync("data-state", "selected");
        await Expect(page.Locator("[data-testid=proposal-errors]")).ToHaveCountAsync(0);
        await Expect(page.Locator($"[data-testid=proposal-fixed] tr[data-unit={Ward}]")).ToContainTextAsync(WardName);
        await Expect(page.Locator($"[data-testid=proposal-fixed] tr[data-unit={OtherWard}]")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "walk-06-khen-thuong-da-chot");
        await SignedInApp.AssertHealthyAsync(office);

        // Act 4: Ban Thi đua - Khen thưởng appraises
        await using var board = await browser.NewPageAsync();
        await app.SignInFirstTimeAsync(board, "ban-tdkt", "Ban Thi đua - Khen thưởng", SignedInApp.UserInitialPassword, Password, "/khen-thuong");
        page = board.Page;
        await Expect(Panel(page)).ToHaveAttributeAsync("data-state", "selected");
        await Expect(page.Locator("[data-testid=do-select]")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "walk-07-tham-dinh");
        await page.Locator("[data-testid=do-appraise]").ClickAsync();

        // Assert 4
        await Expect(Panel(page)).ToHaveAttributeAsync("data-state", "appraised");
        await Expect(page.Locator("[data-testid=proposal-errors]")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "walk-08-da-tham-dinh");
        await SignedInApp.AssertHealthyAsync(board);

        // Act 5: the admin records the Chairman's decision
        await using var admin = await browser.NewPageAsync();
        await app.SignInAsAdminAsync(admin, "/khen-thuong");
        page = admin.Page;
        await Expect(Panel(page)).ToHaveAttributeAsync("data-state", "appraised");
        await page.Locator("[data-testid=decision-number] input").Or(page.Locator("input[data-testid=decision-number]")).First.FillAsync(DecisionNumber);
        await page.Locator("[data-testid=decision-date] input").Or(page.Locator("input[data-testid=decision-date]")).First.FillAsync("20/01/2025");
        await page.Locator("[data-testid=decision-signer] input").Or(page.Locator("input[data-testid=decision-signer]")).First.FillAsync("Trần Việt Trường");
        await ScreenshotAsync(page, "walk-09-quyet-dinh");
        await page.Locator("[data-testid=do-decide]").ClickAsync();

        // Assert 5
        await Expect(Panel(page)).ToHaveAttributeAsync("data-state", "decided");
        await Expect(page.Locator("[data-testid=proposal-decision]")).ToContainTextAsync($"Quyết định số {DecisionNumber} ngày 20/01/2025");
        await Expect(page.Locator("[data-testid=proposal-history] li")).ToHaveCountAsync(3);
        await ScreenshotAsync(page, "walk-10-da-quyet-dinh");
        await SignedInApp.AssertHealthyAsync(admin);

        // Act 6: the dossier
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=dossier-zip]").ClickAsync());

        // Assert 6: the decided tờ trình names the decision and is no longer a draft
        Assert.Null(await download.FailureAsync());
        Assert.Equal("ho-so-de-nghi-khen-thuong.zip", download.SuggestedFilename);
        var text = DossierFiles.WordText(await ZipEntryAsync(download, "to-trinh.docx"));
        Assert.Contains($"Quyết định số {DecisionNumber}", text, StringComparison.Ordinal);
        Assert.Contains(WardName, text, StringComparison.Ordinal);
        Assert.DoesNotContain("DỰ THẢO", text, StringComparison.Ordinal);

        // Act 7: the ward's page, as anyone sees it
        await editor.OpenAsync(app.Url($"don-vi/{Ward}"));

        // Assert 7
        page = editor.Page;
        await Expect(page.Locator("[data-testid=unit-award-fixed]")).ToContainTextAsync($"Được tặng Bằng khen theo Quyết định số {DecisionNumber}");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Chưa nằm trong số suất khen của nhóm.");
        await Expect(page.Locator("[data-testid=registration-state]")).ToHaveAttributeAsync("data-status", "accepted");
        await ScreenshotAsync(page, "walk-11-don-vi-duoc-khen");
        await SignedInApp.AssertHealthyAsync(editor);
    }

    /// <summary>
    /// From the top of the page: a full-page shot taken while scrolled (after filling a form low on the
    /// page) paints the fixed app bar and menu across the middle.
    /// </summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await SignedInApp.ScreenshotAsync(page, name);
    }

    private static async Task<byte[]> ZipEntryAsync(IDownload download, string name)
    {
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        copy.Position = 0;
        using var archive = new ZipArchive(copy, ZipArchiveMode.Read);
        var entry = archive.GetEntry(name) ?? throw new InvalidOperationException(
            $"The dossier has no {name}; it holds: {string.Join(", ", archive.Entries.Select(e => e.FullName))}.");
        using var content = new MemoryStream();
        await using (var source = entry.Open()) await source.CopyToAsync(content);
        return content.ToArray();
    }
}
