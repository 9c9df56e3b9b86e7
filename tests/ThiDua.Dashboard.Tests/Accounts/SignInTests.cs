using System.Net;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Accounts;

/// <summary>Sign-in through the real form: disabled users, lock-out, the first administrator, headers and cookies.</summary>
public class SignInTests : IAsyncDisposable
{
    private readonly TestStorage _file;

    public SignInTests()
        : this(null)
    {
    }

    /// <summary>The same tests on PostgreSQL when <paramref name="postgres"/> is given.</summary>
    private protected SignInTests(PostgresTestDatabase? postgres) => _file = TestStorage.For(AccessHost.NewDatabaseFile(), postgres);
    private AccessHost? _host;

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _file.Delete();
    }

    [Fact]
    public async Task DisabledUser_SignIn_RefusedWithoutCookie()
    {
        // Arrange
        _host = new AccessHost(_file);
        var accounts = _host.Get<AccountService>();
        var (user, _) = await accounts.CreateUserAsync("nguoi-xem", "Người xem", Roles.Viewer, UnitScope.All, "mat-khau-nguoi-xem", new AccountActor("admin", null));
        await accounts.UpdateUserAsync(user!.Id, user.DisplayName, Roles.Viewer, UnitScope.All, disabled: true, new AccountActor("admin", null));
        using var browser = _host.Browser();

        // Act
        using var response = await AccessHost.SignInAsync(browser, "nguoi-xem", "mat-khau-nguoi-xem");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sai tên đăng nhập hoặc mật khẩu", html);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(AccessRegistration.CookieName, StringComparison.Ordinal));
        Assert.Equal(1, await _host.ScalarAsync("SELECT count(*) FROM audit_log WHERE kind = 'sign-in.failed' AND actor = 'nguoi-xem'"));
    }

    [Fact]
    public async Task Lockout_AfterMaxFailures_RefusesEvenTheRightPassword()
    {
        // Arrange
        _host = new AccessHost(_file, new Dictionary<string, string?> { ["ThiDua:Access:MaxFailedSignIns"] = "3" });
        await _host.Get<AccountService>().CreateUserAsync("bien-tap", "Biên tập", Roles.Editor, UnitScope.Of(["p-an-hoa"]), "mat-khau-dung-roi", new AccountActor("admin", null));
        using var browser = _host.Browser();

        // Act
        for (var i = 0; i < 2; i++) (await AccessHost.SignInAsync(browser, "bien-tap", "sai-mat-khau")).Dispose();
        using var third = await AccessHost.SignInAsync(browser, "bien-tap", "sai-mat-khau");
        using var right = await AccessHost.SignInAsync(browser, "bien-tap", "mat-khau-dung-roi");
        var html = WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("tạm bị khóa", html);
        Assert.Equal(1, await _host.ScalarAsync("SELECT count(*) FROM users WHERE user_name = 'bien-tap' AND locked_until IS NOT NULL"));
        Assert.Equal(0, await _host.ScalarAsync("SELECT count(*) FROM users WHERE user_name = 'bien-tap' AND last_sign_in_at IS NOT NULL"));
    }

    [Fact]
    public async Task FirstStart_RandomAdminPassword_LoggedOnceAndMustBeChangedAtFirstSignIn()
    {
        // Arrange: a first start without ThiDua:Admin:InitialPassword, then a restart on the same file.
        _host = new AccessHost(_file, randomAdminPassword: true);
        var line = Assert.Single(_host.Log, l => l.Contains("mật khẩu tạm thời", StringComparison.Ordinal));
        var password = System.Text.RegularExpressions.Regex.Match(line, @"password\): (?<p>\S+)").Groups["p"].Value;
        await _host.DisposeAsync();
        _host = new AccessHost(_file, randomAdminPassword: true);
        using var browser = _host.Browser();

        // Act
        using var signIn = await AccessHost.SignInAsync(browser, "admin", password);
        using var home = await browser.GetAsync("");
        using var change = await AccessHost.PostFormAsync(browser, "doi-mat-khau", new Dictionary<string, string>
        {
            ["currentPassword"] = password, ["newPassword"] = "mat-khau-moi-that-dai", ["confirmPassword"] = "mat-khau-moi-that-dai", ["ReturnUrl"] = "/quan-tri",
        });
        using var admin = await browser.GetAsync("quan-tri");

        // Assert
        Assert.Equal(16, password.Length);
        Assert.DoesNotContain(_host.Log, l => l.Contains(password, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/doi-mat-khau", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/doi-mat-khau", home.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal("/quan-tri", change.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(0, await _host.ScalarAsync("SELECT must_change_password FROM users WHERE user_name = 'admin'"));
    }

    [Fact]
    public async Task Responses_CarrySecurityHeadersAndAStrictCookie()
    {
        // Arrange
        _host = new AccessHost(_file);
        using var browser = _host.Browser();

        // Act
        using var page = await browser.GetAsync("");
        using var signIn = await AccessHost.SignInAsync(browser, "admin", AccessHost.AdminPassword);

        // Assert
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", page.Headers.GetValues("Referrer-Policy").Single());
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self' 'sha256-", csp);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccessRegistration.CookieName, StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Every test of <see cref="SignInTests"/>, on PostgreSQL.</summary>
public sealed class SignInOnPostgresTests(PostgresTestDatabase postgres) : SignInTests(postgres), IClassFixture<PostgresTestDatabase>;
