using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ThiDua.Browser.Tests.Browser;
using ThiDua.Browser.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests;

/// <summary>
/// The pages behind a sign-in, in a real Chromium (1400×900) against the real app: the sign-in and
/// forced password change, /quan-tri, /nhap-lieu (form and file import) and /khen-thuong. Every
/// page visited leaves a full-page screenshot under artifacts/screenshots/signed-in-*.png, and no
/// page may show the Blazor error UI or a console error.
/// </summary>
public sealed partial class SignedInPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Ward = "p-an-hoa";
    private const string WardName = "Phường An Hòa";
    private const string ImportWard = "p-cai-khe";
    private const string Department = "so-y-te";
    private const string DepartmentName = "Sở Y tế";

    [GeneratedRegex(@"/doi-mat-khau(\?|$)")]
    private static partial Regex PasswordPage();

    private static ILocator OpenPopoverItem(IPage page, string text) =>
        page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = text });

    private static ILocator Select(IPage page, string label) =>
        page.Locator(".mud-input-control.mud-select").Filter(new() { HasText = label });

    /// <summary>Clicks a MudTabs header and waits until that tab is the active one.</summary>
    private static async Task OpenTabAsync(IPage page, string text)
    {
        var tab = page.Locator(".mud-tab").Filter(new() { HasText = text });
        await tab.ClickAsync();
        await Expect(tab).ToHaveClassAsync(new Regex(@"(^|\s)mud-tab-active(\s|$)"));
    }

    [Fact]
    public async Task SignIn_InitialAdminPassword_ForcesChangeThenShowsUserInHeader()
    {
        // Arrange
        await using var app = new SignedInApp();
        await using var browserPage = await browser.NewPageAsync();
        var page = browserPage.Page;
        await page.GotoAsync(app.Url("dang-nhap"));
        await SignedInApp.ScreenshotAsync(page, "01-dang-nhap");

        // Act: a wrong password first
        await SignedInApp.SubmitSignInAsync(page, SignedInApp.AdminUserName, "khong-phai-mat-khau");

        // Assert
        await Expect(page.Locator("[data-testid=signin-error]")).ToHaveTextAsync("Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị vô hiệu hóa.");
        await Expect(page.Locator("#userName")).ToHaveValueAsync(SignedInApp.AdminUserName);
        await SignedInApp.ScreenshotAsync(page, "02-dang-nhap-sai-mat-khau");

        // Act: the initial password
        await SignedInApp.SubmitSignInAsync(page, SignedInApp.AdminUserName, SignedInApp.InitialPassword);

        // Assert: forced to change it
        await Expect(page).ToHaveURLAsync(PasswordPage());
        await Expect(page.Locator("main")).ToContainTextAsync($"Mật khẩu của tài khoản {SignedInApp.AdminUserName} do người khác đặt");
        await SignedInApp.ScreenshotAsync(page, "03-doi-mat-khau");

        // Act: two different new passwords
        await SignedInApp.SubmitPasswordChangeAsync(page, SignedInApp.InitialPassword, SignedInApp.NewPassword, SignedInApp.NewPassword + "x");

        // Assert
        await Expect(page.Locator("[data-testid=password-error]")).ToHaveTextAsync("Hai lần nhập mật khẩu mới không giống nhau.");
        await SignedInApp.ScreenshotAsync(page, "04-doi-mat-khau-khong-khop");

        // Act: the change
        await SignedInApp.SubmitPasswordChangeAsync(page, SignedInApp.InitialPassword, SignedInApp.NewPassword, SignedInApp.NewPassword);

        // Assert: home, signed in
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.Locator(".thidua-root[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-testid=user-name]")).ToHaveTextAsync(SignedInApp.AdminDisplayName);
        await Expect(page.Locator("[data-testid=sign-out]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=sign-in]")).ToHaveCountAsync(0);
        await SignedInApp.ScreenshotAsync(page, "05-tong-quan-da-dang-nhap");
        await SignedInApp.AssertHealthyAsync(browserPage);

        // Act: the change is not asked again at the next sign-in
        await page.GotoAsync(app.Url("dang-xuat"));
        await Expect(page.Locator("[data-testid=sign-in]")).ToBeVisibleAsync();
        await page.GotoAsync(app.Url("dang-nhap"));
        await SignedInApp.SubmitSignInAsync(page, SignedInApp.AdminUserName, SignedInApp.NewPassword);

        // Assert
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.Locator("[data-testid=user-name]")).ToHaveTextAsync(SignedInApp.AdminDisplayName);
        await SignedInApp.AssertHealthyAsync(browserPage);
    }

    [Fact]
    public async Task Admin_EveryTab_CreatesScopedEditorAndApiKeyAndVerifiesAuditChain()
    {
        // Arrange
        await using var app = new SignedInApp();
        await using var browserPage = await browser.NewPageAsync();
        var page = browserPage.Page;
        await app.SignInAsAdminAsync(browserPage, "/quan-tri");
        await SignedInApp.ScreenshotAsync(page, "10-quan-tri-nguoi-dung");

        // Act: an editor for the wards and communes of Ninh Kiều
        await page.Locator("[data-testid=user-name-input]").FillAsync("bien-tap-ninh-kieu");
        await page.GetByLabel("Họ tên").FillAsync("Biên tập Ninh Kiều");
        await Select(page, "Vai trò").ClickAsync();
        await OpenPopoverItem(page, "Nhập liệu").ClickAsync();
        await Select(page, "Thêm cả quận/huyện").ClickAsync();
        await OpenPopoverItem(page, "Ninh Kiều").ClickAsync();
        await Expect(page.Locator("[data-testid=unit-picker]")).ToHaveValueAsync("12 đơn vị");
        await SignedInApp.ScreenshotAsync(page, "11-quan-tri-tao-bien-tap");
        await page.Locator("[data-testid=user-save]").ClickAsync();

        // Assert
        await Expect(page.Locator("[data-testid=admin-notice]")).ToContainTextAsync("Đã tạo tài khoản bien-tap-ninh-kieu");
        await Expect(page.Locator("[data-testid=admin-secret]")).ToContainTextAsync("Mật khẩu tạm thời của bien-tap-ninh-kieu");
        var editorRow = page.Locator("[data-testid=users] tbody tr").Filter(new() { HasText = "bien-tap-ninh-kieu" });
        await Expect(editorRow).ToContainTextAsync("Nhập liệu");
        await Expect(editorRow).ToContainTextAsync("12 đơn vị");
        await Expect(editorRow).ToContainTextAsync("chờ đổi mật khẩu");
        await SignedInApp.ScreenshotAsync(page, "12-quan-tri-da-tao-bien-tap");
        await page.Locator("[data-testid=admin-secret] button").ClickAsync();
        await Expect(page.Locator("[data-testid=admin-secret]")).ToHaveCountAsync(0);

        // Act: an API key for every unit
        await OpenTabAsync(page, "Khóa API");
        await page.GetByLabel("Tên khóa").FillAsync("cong-thong-tin-thu");
        await page.Locator("[data-testid=key-create]").ClickAsync();

        // Assert: the key is shown once, the table shows only its prefix
        var secret = page.Locator("[data-testid=admin-secret] code");
        await Expect(secret).ToBeVisibleAsync();
        var key = (await secret.InnerTextAsync()).Trim();
        Assert.True(key.Length >= 20, $"The API key shown is too short: '{key}'.");
        var keyRow = page.Locator("[data-testid=keys] tbody tr").Filter(new() { HasText = "cong-thong-tin-thu" });
        await Expect(keyRow).ToContainTextAsync("đang dùng");
        await Expect(keyRow).ToContainTextAsync(key[..4]);
        Assert.DoesNotContain(key, await page.Locator("[data-testid=keys]").InnerTextAsync(), StringComparison.Ordinal);
        await SignedInApp.ScreenshotAsync(page, "13-quan-tri-khoa-api");
        await page.Locator("[data-testid=admin-secret] button").ClickAsync();
        await Expect(page.Locator("[data-testid=admin-secret]")).ToHaveCountAsync(0);
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);

        // Act: the other tabs
        await OpenTabAsync(page, "Màn hình trình chiếu");
        await Expect(page.Locator("[data-testid=screen-create]")).ToBeVisibleAsync();
        await SignedInApp.ScreenshotAsync(page, "14-quan-tri-man-hinh");

        await OpenTabAsync(page, "Đơn vị");
        await page.Locator("[data-testid=unit-search]").Locator("input").Or(page.Locator("input[data-testid=unit-search]")).First.PressSequentiallyAsync("an hoa");
        var unitRow = page.Locator($"[data-testid=unit-row][data-code={Ward}]");
        await Expect(unitRow).ToBeVisibleAsync();
        await unitRow.Locator("[data-testid=unit-edit]").ClickAsync();
        await Expect(page.GetByLabel("Tên đơn vị")).ToHaveValueAsync(WardName);
        await SignedInApp.ScreenshotAsync(page, "15-quan-tri-don-vi");

        await OpenTabAsync(page, "Cảnh báo quy định");
        await Expect(page.Locator("[data-testid=warnings]").Or(page.GetByText("Quy định của đợt thi đua không có cảnh báo."))).ToBeVisibleAsync();
        await SignedInApp.ScreenshotAsync(page, "16-quan-tri-canh-bao");

        await OpenTabAsync(page, "Nhật ký");
        await page.Locator("[data-testid=audit-filter]").ClickAsync();
        var audit = page.Locator("[data-testid=audit] tbody tr");
        await Expect(audit.Filter(new() { HasText = "sign-in" }).Filter(new() { HasText = SignedInApp.AdminUserName }).First).ToBeVisibleAsync();
        await Expect(audit.Filter(new() { HasText = "user.create" }).Filter(new() { HasText = "bien-tap-ninh-kieu" }).First).ToBeVisibleAsync();
        await Expect(audit.Filter(new() { HasText = "key.create" }).First).ToBeVisibleAsync();
        await page.Locator("[data-testid=audit-verify]").ClickAsync();

        // Assert
        await Expect(page.Locator("[data-testid=audit-verification]")).ToContainTextAsync("Chuỗi băm hợp lệ");
        await Expect(page.Locator("[data-testid=audit-verification]")).ToHaveClassAsync(new Regex("mud-alert-.*success"));
        await SignedInApp.ScreenshotAsync(page, "17-quan-tri-nhat-ky");
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);
        await SignedInApp.AssertHealthyAsync(browserPage);
    }

    [Fact]
    public async Task DataEntry_FormAndImport_ShowRateAsTypedSaveAndReachTheBoard()
    {
        // Arrange: a ward at 75,00 (only content c counts: 6.000 of 10.000)
        await using var app = new SignedInApp();
        await app.PostFiguresAsync([.. Figures.OnlyContentC(Ward, 6_000, 4_000), .. Figures.OnlyContentC(ImportWard, 5_000, 3_800)]);
        await using var browserPage = await browser.NewPageAsync();
        var page = browserPage.Page;
        await app.SignInAsAdminAsync(browserPage, "/nhap-lieu");
        await Expect(page.Locator("[data-testid=entry-empty]")).ToBeVisibleAsync();
        await SignedInApp.ScreenshotAsync(page, "20-nhap-lieu");

        // Act: search the ward without accents (typing alone chooses nothing), click it, type content c
        await page.Locator("[data-testid=entry-unit-search]").PressSequentiallyAsync("an hoa");
        var option = page.Locator("[data-testid=entry-unit-option]").Filter(new() { HasText = WardName });
        await Expect(option).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=entry-empty]")).ToBeVisibleAsync();
        await SignedInApp.ScreenshotAsync(page, "20b-nhap-lieu-tim-don-vi");
        await option.ClickAsync();
        var numerator = page.Locator("[data-testid=num-c]");
        await Expect(numerator).ToBeVisibleAsync();
        await numerator.PressSequentiallyAsync("6996");
        await page.Locator("[data-testid=den-c]").PressSequentiallyAsync("10000");

        // Assert: rate and points as typed
        await Expect(page.Locator("[data-testid=rate-c]")).ToHaveTextAsync("69,96%");
        await Expect(page.Locator("[data-testid=points-c]")).ToHaveTextAsync(new Regex(@"^8,7[45] / 10$"));
        await SignedInApp.ScreenshotAsync(page, "21-nhap-lieu-dang-go");

        // Act
        await page.Locator("[data-testid=entry-save]").ClickAsync();

        // Assert
        await Expect(page.Locator("[data-testid=entry-message]")).ToContainTextAsync($"Đã lưu 1 số liệu của {WardName}");
        await Expect(page.Locator("[data-testid=entry-message]")).ToHaveClassAsync(new Regex("mud-alert-.*success"));
        await Expect(page.Locator("[data-testid=entry-form] .mud-input-error")).ToHaveCountAsync(0);
        await SignedInApp.ScreenshotAsync(page, "22-nhap-lieu-da-luu");
        await SignedInApp.AssertHealthyAsync(browserPage);

        // Act: the board
        await browserPage.OpenAsync(app.Url("bang-xep-hang/phuong?nhom=tu-3500"));

        // Assert
        await Expect(page.Locator($"[data-testid=board] tr[data-unit='{Ward}'] .thidua-score")).ToHaveTextAsync("87,45");
        await SignedInApp.ScreenshotAsync(page, "23-bang-xep-hang-phuong-sau-nhap");
        await SignedInApp.AssertHealthyAsync(browserPage);

        // Act: a file with one bad row
        await browserPage.OpenAsync(app.Url("nhap-lieu"));
        await OpenTabAsync(page, "Nhập từ tệp");
        await Expect(page.Locator("[data-testid=import-pick]")).ToBeVisibleAsync();
        await SignedInApp.ScreenshotAsync(page, "24-nhap-lieu-tep");
        // MudFileUpload keeps a spare input; the picker button opens the last one.
        var fileInput = page.Locator("[data-testid=import] input[type=file]").Last;
        await fileInput.SetInputFilesAsync(Csv("co-loi.csv",
            $"{ImportWard},2024-09-30,c,7000,10000",
            $"{ImportWard},2024-09-30,b,12000,10000"));

        // Assert: the preview names the bad row, and nothing can be committed
        await Expect(page.Locator("[data-testid=import-summary]")).ToContainTextAsync("co-loi.csv");
        var errors = page.Locator("[data-testid=import-errors] tbody tr");
        await Expect(errors).ToHaveCountAsync(1);
        await Expect(errors.First.Locator("td").First).ToHaveTextAsync("3");
        await Expect(page.Locator("[data-testid=import-commit]")).ToHaveCountAsync(0);
        await SignedInApp.ScreenshotAsync(page, "25-nhap-lieu-tep-co-loi");

        // Act: a good file
        await fileInput.SetInputFilesAsync(Csv("dung.csv",
            $"{ImportWard},2024-09-30,c,7000,10000",
            $"{ImportWard},2024-09-30,b,0,0"));
        await Expect(page.Locator("[data-testid=import-summary]")).ToContainTextAsync("dung.csv");
        await Expect(page.Locator("[data-testid=import-errors]")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=import-commit]").ClickAsync();

        // Assert
        await Expect(page.Locator("[data-testid=import-done]")).ToContainTextAsync("Đã ghi toàn bộ tệp dung.csv", new() { Timeout = 15_000 });
        await SignedInApp.ScreenshotAsync(page, "26-nhap-lieu-tep-da-ghi");
        await SignedInApp.AssertHealthyAsync(browserPage);

        await browserPage.OpenAsync(app.Url("bang-xep-hang/phuong?nhom=tu-3500"));
        await Expect(page.Locator($"[data-testid=board] tr[data-unit='{ImportWard}'] .thidua-score")).ToHaveTextAsync("87,50");
        await SignedInApp.AssertHealthyAsync(browserPage);
    }

    [Fact]
    public async Task Awards_AdminNominatesDepartmentForCommitteeSlot_CardShowsItWithReason()
    {
        // Arrange
        await using var app = new SignedInApp();
        await app.PostFiguresAsync([.. Figures.OnlyContentC(Department, 7_000, 1_200)]);
        await app.RegisterAsync(Department, "2024-04-10");
        await using var browserPage = await browser.NewPageAsync();
        var page = browserPage.Page;
        await app.SignInAsAdminAsync(browserPage, "/khen-thuong");
        var slot = page.Locator("[data-testid=award-slot][data-kind=Committee]");
        await Expect(slot).ToHaveCountAsync(1);
        await Expect(slot.Locator("[data-testid=slot-empty]")).ToBeVisibleAsync();
        await SignedInApp.ScreenshotAsync(page, "30-khen-thuong");

        // Act
        var form = slot.Locator("[data-testid=nominate-form]");
        await form.Locator(".mud-input-control.mud-select").ClickAsync();
        await OpenPopoverItem(page, DepartmentName).ClickAsync();
        await form.GetByLabel("Lý do đề cử").FillAsync("Tham mưu tốt Bộ chỉ số 766");
        await form.GetByRole(AriaRole.Button, new() { Name = "Đề cử" }).ClickAsync();

        // Assert
        var proposed = slot.Locator("[data-testid=proposed]");
        await Expect(proposed).ToHaveCountAsync(1);
        await Expect(proposed).ToContainTextAsync(DepartmentName);
        await Expect(proposed).ToContainTextAsync("Lý do: Tham mưu tốt Bộ chỉ số 766 — admin");
        await Expect(slot.Locator("[data-testid=nominate-form]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=award-errors]")).ToHaveCountAsync(0);
        await SignedInApp.ScreenshotAsync(page, "31-khen-thuong-da-de-cu");
        await SignedInApp.AssertHealthyAsync(browserPage);
    }

    private static FilePayload Csv(string name, params string[] rows) => new()
    {
        Name = name,
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join("\n", ["ma_don_vi,ngay_so_lieu,chi_tieu,tu_so,mau_so", .. rows]) + "\n"),
    };
}
