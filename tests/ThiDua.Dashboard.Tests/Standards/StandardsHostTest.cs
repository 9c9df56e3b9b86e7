using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Tests.Accounts;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Standards;

/// <summary>
/// The real app (<see cref="AccessHost"/>) with two keys from the settings: the usual non-admin key 0
/// and key 1 made an admin key by <c>ThiDua:Ingest:ApiKeys:1:Admin=true</c>, as a deployment's scripts would.
/// </summary>
public abstract class StandardsHostTest : IAsyncLifetime
{
    protected const string AdminConfigKey = "admin-config-key-0123456789";

    private readonly TestStorage _databaseFile;

    protected StandardsHostTest()
        : this(null)
    {
    }

    /// <summary>The same tests on PostgreSQL when <paramref name="postgres"/> is given.</summary>
    private protected StandardsHostTest(PostgresTestDatabase? postgres) =>
        _databaseFile = TestStorage.For(AccessHost.NewDatabaseFile(), postgres);

    private protected AccessHost Host { get; private set; } = default!;

    public Task InitializeAsync()
    {
        Host = new AccessHost(_databaseFile, new Dictionary<string, string?>
        {
            ["ThiDua:Ingest:ApiKeys:1:Name"] = "van-phong-script",
            ["ThiDua:Ingest:ApiKeys:1:Key"] = AdminConfigKey,
            ["ThiDua:Ingest:ApiKeys:1:Admin"] = "true",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _databaseFile.Delete();
    }

    /// <summary>A browser signed in as a new user of <paramref name="role"/> who has set their own password.</summary>
    private protected async Task<HttpClient> SignedInAsync(string role)
    {
        var userName = "nguoi-" + role;
        var (_, problem) = await Host.Get<AccountService>().CreateUserAsync(userName, "Người " + role, role,
            role == Roles.Editor ? UnitScope.Of(["p-an-hoa"]) : UnitScope.All, "mat-khau-tam-thoi-1", new AccountActor("admin", null));
        Assert.Null(problem);
        var browser = Host.Browser();
        (await AccessHost.SignInAsync(browser, userName, "mat-khau-tam-thoi-1")).Dispose();
        using var change = await AccessHost.PostFormAsync(browser, "doi-mat-khau", new Dictionary<string, string>
        {
            ["currentPassword"] = "mat-khau-tam-thoi-1", ["newPassword"] = "mat-khau-rieng-cua-toi", ["confirmPassword"] = "mat-khau-rieng-cua-toi", ["ReturnUrl"] = "/",
        });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        return browser;
    }

    /// <summary>The client for a caller kind named in a theory: an admin-less key from the settings or from the admin page, or a signed-in role.</summary>
    private protected async Task<HttpClient> CallerAsync(string caller) => caller switch
    {
        "config-key" => Host.WithKey(AccessHost.ConfigKey),
        "ui-key" => Host.WithKey((await Host.CreateKeyAsync("khoa-thuong")).Secret),
        "ui-admin-key" => Host.WithKey((await Host.CreateKeyAsync("khoa-quan-tri", admin: true)).Secret),
        "admin-config-key" => Host.WithKey(AdminConfigKey),
        "admin" => await Host.AdminBrowserAsync(),
        _ => await SignedInAsync(caller),
    };

    protected static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>A refused body: 400 "Dữ liệu gửi lên không hợp lệ", the message in <c>detail</c> for a body refused
    /// whole (<paramref name="field"/> null), else as the one error on that field.</summary>
    protected static async Task AssertBadBodyAsync(HttpResponseMessage response, string? field, string message)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Dữ liệu gửi lên không hợp lệ", problem.GetProperty("title").GetString());
        if (field is null)
            Assert.StartsWith(message, problem.GetProperty("detail").GetString());
        else
        {
            var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
            Assert.Equal(field, error.GetProperty("field").GetString());
            Assert.StartsWith(message, error.GetProperty("message").GetString());
        }
    }

    protected static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>p-an-hoa ranks above p-cai-khe in the "1.500 – < 3.500" ward group; both registered in time.</summary>
    protected async Task TwoRegisteredWardsAsync()
    {
        using var writer = Host.WithKey(AccessHost.ConfigKey);
        object Dossiers(string unit) => new { unit, asOf = "2024-06-30", indicator = "dossiers", numerator = 2000 };
        (await AccessHost.PostFigures(writer, Dossiers("p-an-hoa"), AccessHost.Rate("p-an-hoa", numerator: 900),
            Dossiers("p-cai-khe"), AccessHost.Rate("p-cai-khe", numerator: 500))).EnsureSuccessStatusCode();
        using var admin = Host.WithKey(AdminConfigKey);
        foreach (var unit in new[] { "p-an-hoa", "p-cai-khe" })
            (await admin.PutAsJsonAsync($"api/v1/units/{unit}/registration", new { registeredOn = "2024-03-01" })).EnsureSuccessStatusCode();
    }
}
