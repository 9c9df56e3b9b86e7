using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Accounts;

/// <summary>ThiDua:Access:AnonymousRead on (the default) and off; and the rate limit of the writing endpoints.</summary>
public class AnonymousReadTests : IAsyncDisposable
{
    private readonly TestStorage _file;

    public AnonymousReadTests()
        : this(null)
    {
    }

    /// <summary>The same tests on PostgreSQL when <paramref name="postgres"/> is given.</summary>
    private protected AnonymousReadTests(PostgresTestDatabase? postgres) => _file = TestStorage.For(AccessHost.NewDatabaseFile(), postgres);
    private AccessHost? _host;

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _file.Delete();
    }

    [Fact]
    public async Task AnonymousReadOn_LeaderboardsAndPages_OpenWithoutCredentials()
    {
        // Arrange
        _host = new AccessHost(_file);
        using var client = _host.Anonymous();

        // Act
        using var api = await client.GetAsync("api/v1/leaderboards");
        using var page = await client.GetAsync("bang-xep-hang/phuong");

        // Assert
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task AnonymousReadOff_WithoutCredentials_Api401AndPagesRedirectToSignIn()
    {
        // Arrange
        _host = new AccessHost(_file, new Dictionary<string, string?> { ["ThiDua:Access:AnonymousRead"] = "false" });
        using var client = _host.Anonymous();
        using var keyed = _host.WithKey(AccessHost.ConfigKey);
        using var browser = await _host.AdminBrowserAsync();

        // Act
        using var api = await client.GetAsync("api/v1/leaderboards");
        using var page = await client.GetAsync("bang-xep-hang/phuong?nhom=tu-3500");
        using var signInPage = await client.GetAsync("dang-nhap");
        using var health = await client.GetAsync("healthz");
        using var withKey = await keyed.GetAsync("api/v1/leaderboards");
        using var signedIn = await browser.GetAsync("bang-xep-hang/phuong");

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/dang-nhap?ReturnUrl=" + Uri.EscapeDataString("/bang-xep-hang/phuong?nhom=tu-3500"), page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, signInPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task RateLimit_OverTheLimit_429WithRetryAfterAndNothingStored()
    {
        // Arrange
        _host = new AccessHost(_file, new Dictionary<string, string?>
        {
            ["ThiDua:RateLimit:PermitLimit"] = "3",
            ["ThiDua:RateLimit:WindowSeconds"] = "60",
        });
        var (_, secret) = await _host.CreateKeyAsync("nho");
        using var client = _host.WithKey(secret);
        for (var i = 0; i < 3; i++) (await AccessHost.PostFigures(client, AccessHost.Rate("p-an-hoa", numerator: 800 + i))).EnsureSuccessStatusCode();

        // Act
        using var refused = await AccessHost.PostFigures(client, AccessHost.Rate("p-an-hoa", numerator: 900));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        using var configKey = await AccessHost.PostFigures(_host.WithKey(AccessHost.ConfigKey), AccessHost.Rate("p-an-hoa", numerator: 901));

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.Equal("Gửi quá nhiều yêu cầu", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, configKey.StatusCode);
        Assert.Equal(4, await _host.FigureCount());
    }
}

/// <summary>Every test of <see cref="AnonymousReadTests"/>, on PostgreSQL.</summary>
public sealed class AnonymousReadOnPostgresTests(PostgresTestDatabase postgres) : AnonymousReadTests(postgres), IClassFixture<PostgresTestDatabase>;
