using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ThiDua.Dashboard.Accounts;
using ThiDua.Browser.Tests.Browser;
using ThiDua.Browser.Tests.Hosting;
using ThiDua.Dashboard.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests;

/// <summary>
/// The real app on its own temp SQLite file, started with a known first administrator password
/// (<c>ThiDua:Admin:InitialPassword</c>) so a browser can sign in as that administrator, plus one
/// API key from the settings for seeding figures, and an admin key for what only an admin may record.
/// </summary>
public sealed class SignedInApp : IAsyncDisposable
{
    public const string AdminUserName = "admin";
    public const string AdminDisplayName = "Quản trị viên";
    public const string InitialPassword = "mat-khau-ban-dau-2024";
    public const string NewPassword = "mat-khau-moi-cua-admin-2024";

    /// <summary>The temporary password of every account <see cref="CreateUserAsync"/> makes; the first sign-in changes it.</summary>
    public const string UserInitialPassword = "mat-khau-tam-thoi-2024";

    /// <summary>An admin API key (settings), for steps only an admin may take, e.g. a unit's Nghị quyết 02 assessment.</summary>
    public const string AdminKey = "browser-admin-key-0123456789";

    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "thidua-signed-in-" + Guid.NewGuid().ToString("N"));
    private readonly DashboardHost _host;
    private readonly HttpClient _writer;
    private readonly HttpClient _admin;

    public SignedInApp()
    {
        Directory.CreateDirectory(_folder);
        _host = new DashboardHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ThiDua"] = $"Data Source={Path.Combine(_folder, "thidua.db")}",
            ["ThiDua:Ingest:ApiKeys:0:Name"] = "may-thu-dang-nhap",
            ["ThiDua:Ingest:ApiKeys:0:Key"] = AppHost.Key,
            ["ThiDua:Ingest:ApiKeys:0:Admin"] = "true",
            ["ThiDua:Ingest:ApiKeys:1:Name"] = "van-phong-thu",
            ["ThiDua:Ingest:ApiKeys:1:Key"] = AdminKey,
            ["ThiDua:Ingest:ApiKeys:1:Admin"] = "true",
            ["ThiDua:Admin:UserName"] = AdminUserName,
            ["ThiDua:Admin:InitialPassword"] = InitialPassword,
        });
        BaseAddress = _host.Start();
        _writer = new HttpClient { BaseAddress = BaseAddress };
        _writer.DefaultRequestHeaders.Add("X-Api-Key", AppHost.Key);
        _admin = new HttpClient { BaseAddress = BaseAddress };
        _admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    /// <summary>e.g. http://127.0.0.1:41234/</summary>
    public Uri BaseAddress { get; }

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    /// <summary>Posts one all-or-nothing batch through the public API and insists it was accepted.</summary>
    public async Task PostFiguresAsync(params object[] figures)
    {
        using var response = await _writer.PostAsJsonAsync("api/v1/figures", figures);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /api/v1/figures answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Posts one batch for a campaign other than the default (<c>?campaign=</c>) and insists it was accepted.</summary>
    public async Task PostCampaignFiguresAsync(string campaign, params object[] figures)
    {
        using var response = await _writer.PostAsJsonAsync($"api/v1/figures?campaign={Uri.EscapeDataString(campaign)}", figures);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /api/v1/figures?campaign={campaign} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A JSON answer of the public API, insisting on success.</summary>
    public async Task<System.Text.Json.JsonElement> GetJsonAsync(string pathAndQuery)
    {
        using var response = await _writer.GetAsync(pathAndQuery);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {pathAndQuery} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
    }

    /// <summary>Records a unit's registration date through the public API (awards need one before 15/04/2024).</summary>
    public async Task RegisterAsync(string unit, string registeredOn)
    {
        using var response = await _writer.PutAsJsonAsync($"api/v1/units/{unit}/registration", new { registeredOn });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"PUT registration answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Records a unit's Nghị quyết 02 assessment as met (admin key): a selection requires it of every unit selected.</summary>
    public async Task AssessAsMetAsync(string unit)
    {
        using var response = await _admin.PutAsJsonAsync($"api/v1/units/{unit}/standard", new { nq02 = "met", note = (string?)null });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"PUT standard answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>An account as the admin page makes it: it must choose its own password at first sign-in (<see cref="SignInFirstTimeAsync"/>).</summary>
    public async Task CreateUserAsync(string userName, string displayName, string role, UnitScope scope)
    {
        var (user, problem) = await _host.Services.GetRequiredService<AccountService>()
            .CreateUserAsync(userName, displayName, role, scope, UserInitialPassword, new AccountActor(AdminUserName, null));
        if (user is null) throw new InvalidOperationException($"Creating {userName} failed: {problem}");
    }

    /// <summary>Fills and submits the plain sign-in form (a server-rendered page without a circuit).</summary>
    public static async Task SubmitSignInAsync(IPage page, string userName, string password)
    {
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("[data-testid=signin-form] button[type=submit]").ClickAsync();
    }

    /// <summary>Fills and submits the plain change-password form.</summary>
    public static async Task SubmitPasswordChangeAsync(IPage page, string current, string newPassword, string confirm)
    {
        await page.Locator("#currentPassword").FillAsync(current);
        await page.Locator("#newPassword").FillAsync(newPassword);
        await page.Locator("#confirmPassword").FillAsync(confirm);
        await page.Locator("[data-testid=password-form] button[type=submit]").ClickAsync();
    }

    /// <summary>
    /// First sign-in of the administrator: the initial password, the forced change at /doi-mat-khau,
    /// then back on <paramref name="returnPath"/> with a live circuit.
    /// </summary>
    public Task SignInAsAdminAsync(BrowserPage browserPage, string returnPath) =>
        SignInFirstTimeAsync(browserPage, AdminUserName, AdminDisplayName, InitialPassword, NewPassword, returnPath);

    /// <summary>
    /// First sign-in of an account: its initial password, the forced change at /doi-mat-khau, then back
    /// on <paramref name="returnPath"/> with a live circuit and the display name in the header.
    /// </summary>
    public async Task SignInFirstTimeAsync(BrowserPage browserPage, string userName, string displayName, string initialPassword, string newPassword, string returnPath)
    {
        var page = browserPage.Page;
        await page.GotoAsync(Url("dang-nhap?ReturnUrl=" + Uri.EscapeDataString(returnPath)));
        await SubmitSignInAsync(page, userName, initialPassword);
        await WaitForAddressAsync(page, url => url.AbsolutePath == "/doi-mat-khau", "the forced password change");
        await SubmitPasswordChangeAsync(page, initialPassword, newPassword, newPassword);
        await WaitForAddressAsync(page, url => url.PathAndQuery == returnPath, returnPath);
        await Expect(page.Locator(".thidua-root[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-testid=user-name]")).ToHaveTextAsync(displayName);
    }

    /// <summary>
    /// Waits for the form's answer to land on the expected address. A 2-core CI machine running every
    /// test project at once can take long over a sign-in (a PBKDF2 hash, a first render), so the wait is
    /// generous; when it still fails, the message says where the browser stayed and what the page said.
    /// </summary>
    private static async Task WaitForAddressAsync(IPage page, Func<Uri, bool> arrived, string expected)
    {
        try
        {
            await page.WaitForURLAsync(url => arrived(new Uri(url)), new() { Timeout = 60_000 });
        }
        catch (System.TimeoutException e)
        {
            var said = await page.Locator("[role=alert], .validation-message, .mud-alert").AllInnerTextsAsync();
            throw new System.TimeoutException($"Waited 60 s for {expected}; the browser stayed on {page.Url} saying: {string.Join(" | ", said)}", e);
        }
    }

    /// <summary>A full-page screenshot under the test output's artifacts/screenshots/; returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, "signed-in-" + name + ".png");
        // Finished transitions only: a button caught half-way between outlined and filled looks disabled.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        Assert.True(new FileInfo(file).Length > 0, $"Screenshot {file} is empty.");
        return file;
    }

    /// <summary>No Blazor error UI and nothing the browser complained about.</summary>
    public static async Task AssertHealthyAsync(BrowserPage browserPage)
    {
        await Expect(browserPage.Page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        Assert.True(browserPage.Errors.Count == 0, "The browser complained:" + Environment.NewLine + string.Join(Environment.NewLine, browserPage.Errors));
    }

    public async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        _admin.Dispose();
        await _host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
