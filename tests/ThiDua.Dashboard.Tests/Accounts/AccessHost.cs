using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Accounts;

/// <summary>
/// The real app on real Kestrel and a real SQLite file, with one configuration key, the given extra
/// settings, and every log line kept so the tests can read what was (and was not) logged.
/// </summary>
internal sealed partial class AccessHost : WebApplicationFactory<Program>
{
    public const string ConfigKey = "config-key-0123456789";
    public const string AdminPassword = "mat-khau-quan-tri-ban-dau";

    private readonly Dictionary<string, string?> _settings;

    public AccessHost(string databaseFile, IReadOnlyDictionary<string, string?>? settings = null, bool randomAdminPassword = false)
        : this(TestStorage.For(databaseFile, null), settings, randomAdminPassword)
    {
    }

    public AccessHost(TestStorage storage, IReadOnlyDictionary<string, string?>? settings = null, bool randomAdminPassword = false)
    {
        Storage = storage;
        DatabaseFile = storage.File;
        _settings = new Dictionary<string, string?>(storage.Settings)
        {
            ["ThiDua:Ingest:ApiKeys:0:Name"] = "may-cau-hinh",
            ["ThiDua:Ingest:ApiKeys:0:Key"] = ConfigKey,
            ["ThiDua:Admin:InitialPassword"] = randomAdminPassword ? "" : AdminPassword,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public string DatabaseFile { get; }

    /// <summary>The database this app runs on (SQLite file or PostgreSQL).</summary>
    public TestStorage Storage { get; }
    public Uri BaseAddress { get; }
    public ConcurrentQueue<string> Log { get; } = new();

    public static string NewDatabaseFile() => Path.Combine(Path.GetTempPath(), "thidua-access-" + Guid.NewGuid().ToString("N"), "thidua.db");

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public HttpClient WithKey(string key)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects.</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = BaseAddress };

    /// <summary>Fills and posts a server-rendered form (antiforgery token included) as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, IDictionary<string, string> fields)
    {
        using var page = await browser.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {path}: {(int)page.StatusCode} {html[..Math.Min(300, html.Length)]}");
        var form = new Dictionary<string, string>(fields) { [token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value) };
        return await browser.PostAsync(path.Split('?')[0], new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password) =>
        PostFormAsync(browser, "dang-nhap", new Dictionary<string, string> { ["userName"] = userName, ["password"] = password, ["ReturnUrl"] = "/" });

    /// <summary>Signs the first administrator in and replaces the initial password; returns the browser.</summary>
    public async Task<HttpClient> AdminBrowserAsync(string newPassword = "mat-khau-moi-cua-admin")
    {
        var browser = Browser();
        using var signIn = await SignInAsync(browser, "admin", AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var change = await PostFormAsync(browser, "doi-mat-khau", new Dictionary<string, string>
        {
            ["currentPassword"] = AdminPassword, ["newPassword"] = newPassword, ["confirmPassword"] = newPassword, ["ReturnUrl"] = "/",
        });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        return browser;
    }

    /// <summary>A key created the way the admin page creates one; returns the secret.</summary>
    public async Task<(long Id, string Secret)> CreateKeyAsync(string name, IEnumerable<string>? units = null, bool admin = false)
    {
        var (key, secret, problem) = await Get<AccountService>().CreateKeyAsync(name, units is null ? UnitScope.All : UnitScope.Of(units), admin, new AccountActor("admin", "127.0.0.1"));
        Assert.Null(problem);
        return (key!.Id, secret!);
    }

    public static object Rate(string unit, string indicator = "c", long numerator = 825, long denominator = 1000, string asOf = "2024-06-30") =>
        new { unit, asOf, indicator, numerator, denominator };

    public static Task<HttpResponseMessage> PostFigures(HttpClient client, params object[] figures) => client.PostAsJsonAsync("api/v1/figures", figures);

    public Task<long> ScalarAsync(string sql) => Storage.ScalarAsync<long>(sql);

    public Task<long> FigureCount() => ScalarAsync("SELECT count(*) FROM figures");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(Log)));
    }

    public static void DeleteDatabase(string file)
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path.GetDirectoryName(file)!, recursive: true); } catch (IOException) { /* temp leftovers are harmless */ }
    }

    [GeneratedRegex(""""<input type="hidden" name="(?<name>__RequestVerificationToken)" value="(?<value>[^"]+)"""")]
    private static partial Regex AntiforgeryToken();

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(lines);

        public void Dispose() { }

        private sealed class QueueLogger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
        }
    }
}
