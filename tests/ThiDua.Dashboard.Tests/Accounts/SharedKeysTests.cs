using System.Net;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Accounts;

/// <summary>
/// Two app instances on one database, as two nodes behind a balancer: the data-protection keys live in
/// the database, so a cookie one node issues is read by the other (issue 16).
/// </summary>
public class SharedKeysTests : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> _closed = new() { ["ThiDua:Access:AnonymousRead"] = "false" };

    private readonly TestStorage _file;

    public SharedKeysTests()
        : this(null)
    {
    }

    /// <summary>The same tests on PostgreSQL when <paramref name="postgres"/> is given.</summary>
    private protected SharedKeysTests(PostgresTestDatabase? postgres) => _file = TestStorage.For(AccessHost.NewDatabaseFile(), postgres);
    private readonly List<AccessHost> _hosts = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        _file.Delete();
    }

    private AccessHost Node()
    {
        var host = new AccessHost(_file, _closed);
        _hosts.Add(host);
        return host;
    }

    private static HttpClient WithCookie(AccessHost host, string cookie)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    [Fact]
    public async Task SignInCookie_IssuedByOneNode_IsAcceptedByTheOther()
    {
        // Arrange
        var first = Node();
        var second = Node();
        using var browser = await first.AdminBrowserAsync();
        using var signIn = await AccessHost.SignInAsync(first.Browser(), "admin", "mat-khau-moi-cua-admin");
        var cookie = ScreenLinkTests.AuthCookie(signIn);

        // Act
        using var onSecond = WithCookie(second, cookie);
        using var admin = await onSecond.GetAsync("quan-tri");
        using var api = await onSecond.GetAsync("api/v1/leaderboards");
        using var stranger = await second.Anonymous().GetAsync("quan-tri");

        // Assert
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        Assert.True(await first.ScalarAsync("SELECT count(*) FROM data_protection_keys WHERE friendly_name LIKE 'key-%'") >= 1);
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(_file.File)!, "keys")), "keys are kept in the database, not in a folder");
    }

    [Fact]
    public async Task ScreenLink_MadeOnOneNode_OpensOnTheOtherAndItsCookieWorksOnBoth()
    {
        // Arrange
        var first = Node();
        var second = Node();
        var (_, token, problem) = await first.Get<ScreenLinkService>().CreateAsync("Phòng họp tầng 3", new AccountActor("admin", "127.0.0.1"));
        Assert.Null(problem);

        // Act
        using var opened = await second.Anonymous().GetAsync("trinh-chieu?manhinh=" + token);
        var cookie = ScreenLinkTests.AuthCookie(opened);
        using var onFirst = WithCookie(first, cookie);
        using var page = await onFirst.GetAsync("trinh-chieu");
        using var api = await onFirst.GetAsync("api/v1/leaderboards");

        // Assert
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }
}

/// <summary>Every test of <see cref="SharedKeysTests"/>, on PostgreSQL.</summary>
public sealed class SharedKeysOnPostgresTests(PostgresTestDatabase postgres) : SharedKeysTests(postgres), IClassFixture<PostgresTestDatabase>;
