using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Accounts;

/// <summary>
/// Read-only screen links (issue 5) with anonymous read off, on real Kestrel and SQLite: the token
/// signs a meeting-room browser in as a viewer with a persistent cookie that survives a restart,
/// never writes, and stops working once revoked.
/// </summary>
public partial class ScreenLinkTests : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> _closed = new() { ["ThiDua:Access:AnonymousRead"] = "false" };
    private static readonly AccountActor _admin = new("admin", "127.0.0.1");

    private readonly TestStorage _file;

    public ScreenLinkTests()
        : this(null)
    {
    }

    /// <summary>The same tests on PostgreSQL when <paramref name="postgres"/> is given.</summary>
    private protected ScreenLinkTests(PostgresTestDatabase? postgres) => _file = TestStorage.For(AccessHost.NewDatabaseFile(), postgres);
    private AccessHost? _host;

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _file.Delete();
    }

    [Fact]
    public async Task ValidToken_SignsInAsPersistentViewer_ReadsButNeverWrites()
    {
        // Arrange
        _host = new AccessHost(_file, _closed);
        var (link, token) = await CreateLinkAsync("Phòng họp tầng 2");
        using var anonymous = _host.Anonymous();

        // Act
        using var withoutCookie = await anonymous.GetAsync("trinh-chieu");
        using var opened = await anonymous.GetAsync("trinh-chieu?giay=20&manhinh=" + token);
        var cookie = AuthCookie(opened);
        using var screen = WithCookie(cookie);
        using var presenter = await screen.GetAsync("trinh-chieu");
        using var board = await screen.GetAsync("bang-xep-hang/phuong");
        using var api = await screen.GetAsync("api/v1/leaderboards");
        using var circuit = await screen.PostAsync("_blazor/negotiate?negotiateVersion=1", null);
        using var stranger = _host.Anonymous();
        using var anonymousCircuit = await stranger.PostAsync("_blazor/negotiate?negotiateVersion=1", null);
        using var figures = await AccessHost.PostFigures(screen, AccessHost.Rate("p-an-hoa"));
        using var dataEntry = await screen.GetAsync("nhap-lieu");
        using var admin = await screen.GetAsync("quan-tri");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, withoutCookie.StatusCode);
        Assert.Equal("/dang-nhap?ReturnUrl=" + Uri.EscapeDataString("/trinh-chieu"), withoutCookie.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var expires = Expires(opened);
        Assert.True(expires > DateTimeOffset.UtcNow.AddDays(399), $"the screen's cookie must be persistent for about 400 days, expires {expires:O}");
        Assert.Equal(HttpStatusCode.OK, presenter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, circuit.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousCircuit.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, figures.StatusCode);
        Assert.Equal(0, await _host.FigureCount());
        Assert.Equal(HttpStatusCode.Redirect, dataEntry.StatusCode);
        Assert.Contains("/dang-nhap?", dataEntry.Headers.Location!.OriginalString);
        Assert.Contains("tuChoi=1", dataEntry.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Contains("/dang-nhap?", admin.Headers.Location!.OriginalString);
        Assert.Contains("tuChoi=1", admin.Headers.Location!.OriginalString);
        Assert.Equal(1, await _host.ScalarAsync($"SELECT count(*) FROM screen_links WHERE id = {link.Id} AND last_used_at IS NOT NULL"));
        Assert.Equal(1, await _host.ScalarAsync("SELECT count(*) FROM audit_log WHERE kind = 'sign-in' AND actor = 'Màn hình: Phòng họp tầng 2'"));
        Assert.DoesNotContain(_host.Log, line => line.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revoke_RefusesTheCookieAndTheToken_AndIsAudited()
    {
        // Arrange
        _host = new AccessHost(_file, _closed);
        var (link, token) = await CreateLinkAsync("Phòng họp tầng 2");
        using var anonymous = _host.Anonymous();
        using var opened = await anonymous.GetAsync("trinh-chieu?manhinh=" + token);
        using var screen = WithCookie(AuthCookie(opened));
        using var before = await screen.GetAsync("trinh-chieu");

        // Act
        var revoked = await _host.Get<ScreenLinkService>().RevokeAsync(link.Id, _admin);
        var again = await _host.Get<ScreenLinkService>().RevokeAsync(link.Id, _admin);
        using var page = await screen.GetAsync("trinh-chieu");
        using var api = await screen.GetAsync("api/v1/leaderboards");
        using var circuit = await screen.PostAsync("_blazor/negotiate?negotiateVersion=1", null);
        using var tokenAgain = await _host.Anonymous().GetAsync("trinh-chieu?manhinh=" + token);

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.True(revoked);
        Assert.False(again);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/dang-nhap?ReturnUrl=" + Uri.EscapeDataString("/trinh-chieu"), page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, circuit.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, tokenAgain.StatusCode);
        Assert.Equal("/dang-nhap?ReturnUrl=" + Uri.EscapeDataString("/trinh-chieu"), tokenAgain.Headers.Location!.OriginalString);
        Assert.Null(AuthCookieOrNull(tokenAgain));
        Assert.Equal(1, await _host.ScalarAsync("SELECT count(*) FROM audit_log WHERE kind = 'screen.create' AND actor = 'admin' AND subject = 'Phòng họp tầng 2'"));
        Assert.Equal(1, await _host.ScalarAsync("SELECT count(*) FROM audit_log WHERE kind = 'screen.revoke' AND actor = 'admin' AND subject = 'Phòng họp tầng 2'"));
        Assert.Equal(1, await _host.ScalarAsync($"SELECT count(*) FROM screen_links WHERE id = {link.Id} AND revoked_at IS NOT NULL AND revoked_by = 'admin'"));
    }

    [Fact]
    public async Task Restart_SameDatabase_TheScreenStaysSignedIn()
    {
        // Arrange
        _host = new AccessHost(_file, _closed);
        var (_, token) = await CreateLinkAsync("Hội trường");
        using var opened = await _host.Anonymous().GetAsync("trinh-chieu?manhinh=" + token);
        var cookie = AuthCookie(opened);
        await _host.DisposeAsync();

        // Act: a new host (new port, new process state) on the same file, which holds the keys.
        _host = new AccessHost(_file, _closed);
        using var screen = WithCookie(cookie);
        using var page = await screen.GetAsync("trinh-chieu");
        using var api = await screen.GetAsync("api/v1/leaderboards");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.True(await _host.ScalarAsync("SELECT count(*) FROM data_protection_keys WHERE friendly_name LIKE 'key-%'") >= 1);
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(_file.File)!, "keys")), "keys are kept in the database, not in a folder");
    }

    [Fact]
    public async Task InvalidToken_Refused_NoCookieAndNoTokenInTheReturnUrl()
    {
        // Arrange
        _host = new AccessHost(_file, _closed);
        await CreateLinkAsync("Phòng họp tầng 2");
        const string forged = "bm90LWEtcmVhbC10b2tlbi1idXQtbG9uZy1lbm91Z2gtdG8tYmUtY2hlY2tlZA";
        using var anonymous = _host.Anonymous();

        // Act
        using var page = await anonymous.GetAsync("trinh-chieu?giay=20&manhinh=" + forged);
        using var api = await anonymous.GetAsync("api/v1/leaderboards?manhinh=" + forged);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/dang-nhap?ReturnUrl=" + Uri.EscapeDataString("/trinh-chieu?giay=20"), page.Headers.Location!.OriginalString);
        Assert.Null(AuthCookieOrNull(page));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(1, await _host.ScalarAsync("SELECT count(*) FROM audit_log WHERE kind = 'sign-in.failed' AND actor = '(liên kết màn hình)'"));
        Assert.DoesNotContain(_host.Log, line => line.Contains(forged, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdminPage_HasTheScreensTab_AndTheStoreKeepsOnlyTheHash()
    {
        // Arrange
        _host = new AccessHost(_file, _closed);
        using var browser = await _host.AdminBrowserAsync();

        // Act
        var (link, token) = await CreateLinkAsync("Phòng họp tầng 2");
        var (_, _, duplicate) = await _host.Get<ScreenLinkService>().CreateAsync("phòng họp tầng 2", _admin);
        using var page = await browser.GetAsync("quan-tri");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Màn hình trình chiếu", html);
        Assert.True(token.Length >= 43, "a token carries at least 32 random bytes");
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.NotNull(duplicate);
        Assert.Equal(0, await _host.ScalarAsync($"SELECT count(*) FROM screen_links WHERE token_hash = '{token}' OR name = '{token}'"));
        Assert.Equal(1, await _host.ScalarAsync($"SELECT count(*) FROM screen_links WHERE id = {link.Id} AND token_hash = '{ScreenLinkStore.Hash(token)}'"));
        Assert.Equal("http://may-chu:8080/trinh-chieu?manhinh=" + token, ScreenLinkService.LinkOf("http://may-chu:8080/", token));
    }

    private async Task<(StoredScreenLink Link, string Token)> CreateLinkAsync(string name)
    {
        var (link, token, problem) = await _host!.Get<ScreenLinkService>().CreateAsync(name, _admin);
        Assert.Null(problem);
        return (link!, token!);
    }

    /// <summary>A client that sends only this cookie, as a browser would after a restart of the server (whatever its port).</summary>
    private HttpClient WithCookie(string cookie)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host!.BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    internal static string AuthCookie(HttpResponseMessage response) =>
        AuthCookieOrNull(response) ?? throw new Xunit.Sdk.XunitException($"no {AccessRegistration.CookieName} cookie was set ({(int)response.StatusCode})");

    internal static string? AuthCookieOrNull(HttpResponseMessage response) =>
        SetCookie(response) is { } header && header.Split(';')[0] is var pair && !pair.EndsWith('=') ? pair : null;

    private static string? SetCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(c => c.StartsWith(AccessRegistration.CookieName + "=", StringComparison.Ordinal))
            : null;

    private static DateTimeOffset? Expires(HttpResponseMessage response) =>
        SetCookie(response) is { } header && ExpiresAttribute().Match(header) is { Success: true } match
            ? DateTimeOffset.Parse(match.Groups["at"].Value, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex("expires=(?<at>[^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ExpiresAttribute();
}

/// <summary>Every test of <see cref="ScreenLinkTests"/>, on PostgreSQL.</summary>
public sealed class ScreenLinkOnPostgresTests(PostgresTestDatabase postgres) : ScreenLinkTests(postgres), IClassFixture<PostgresTestDatabase>;
