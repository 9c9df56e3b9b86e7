using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Browser.Tests.Hosting;

/// <summary>The real app on its own temp SQLite file with one API key, for one test (or one fixture).</summary>
public sealed class AppHost : IAsyncDisposable
{
    public const string Key = "browser-test-key-0123456789";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "thidua-browser-" + Guid.NewGuid().ToString("N"));
    private readonly DashboardHost _host;
    private readonly HttpClient _writer;

    /// <param name="settings">More settings on top of the shipped appsettings.json, e.g. <c>ThiDua:Access:AnonymousRead</c>.</param>
    public AppHost(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Directory.CreateDirectory(_folder);
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ThiDua"] = $"Data Source={Path.Combine(_folder, "thidua.db")}",
            ["ThiDua:Ingest:ApiKeys:0:Name"] = "may-thu-trinh-duyet",
            ["ThiDua:Ingest:ApiKeys:0:Key"] = Key,
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>()) all[name] = value;
        _host = new DashboardHost(all);
        BaseAddress = _host.Start();
        _writer = new HttpClient { BaseAddress = BaseAddress };
        _writer.DefaultRequestHeaders.Add("X-Api-Key", Key);
    }

    /// <summary>e.g. http://127.0.0.1:41234/</summary>
    public Uri BaseAddress { get; }

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    /// <summary>One of the app's services, for a test that acts as an admin would (e.g. revoking a screen link).</summary>
    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>A rate figure: numerator of denominator.</summary>
    public static object Rate(string unit, string indicator, long numerator, long denominator, string asOf = Figures.AsOf) =>
        new { unit, asOf, indicator, numerator, denominator };

    /// <summary>The number of dossiers settled, which decides a unit's size group.</summary>
    public static object Dossiers(string unit, long count, string asOf = Figures.AsOf) =>
        new { unit, asOf, indicator = "dossiers", numerator = count };

    /// <summary>Posts one all-or-nothing batch through the public API and insists it was accepted.</summary>
    public async Task PostFiguresAsync(params object[] figures)
    {
        using var response = await _writer.PostAsJsonAsync("api/v1/figures", figures);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /api/v1/figures answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        await _host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
