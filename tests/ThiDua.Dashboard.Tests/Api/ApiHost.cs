using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Api;

/// <summary>The real app with one API key, on a database file the test chooses (so a restart can reopen it).</summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string Key = "test-key-0123456789";

    private readonly DashboardHost _host;

    public ApiHost(string databaseFile, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development")
        : this(TestStorage.For(databaseFile, null), settings, environment)
    {
    }

    public ApiHost(TestStorage storage, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development")
    {
        Storage = storage;
        DatabaseFile = storage.File;
        var all = new Dictionary<string, string?>(storage.Settings)
        {
            ["ThiDua:Ingest:ApiKeys:0:Name"] = "may-thu",
            ["ThiDua:Ingest:ApiKeys:0:Key"] = Key,
            // The machine that also records registration dates, which only an admin key may.
            ["ThiDua:Ingest:ApiKeys:0:Admin"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        _host = new DashboardHost(all, environment);
        BaseAddress = _host.Start();
        Client = new HttpClient { BaseAddress = BaseAddress };
        Writer = new HttpClient { BaseAddress = BaseAddress };
        Writer.DefaultRequestHeaders.Add("X-Api-Key", Key);
    }

    public string DatabaseFile { get; }

    /// <summary>The database this app runs on (SQLite file or PostgreSQL).</summary>
    public TestStorage Storage { get; }
    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public HttpClient Writer { get; }
    public IServiceProvider Services => _host.Services;

    public static string NewDatabaseFile() => Path.Combine(Path.GetTempPath(), "thidua-api-" + Guid.NewGuid().ToString("N"), "thidua.db");

    public Task<HttpResponseMessage> PostFigures(object body) => Writer.PostAsJsonAsync("api/v1/figures", body);

    public Task<long> FigureCount() => Storage.ScalarAsync<long>("SELECT count(*) FROM figures");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Writer.Dispose();
        await _host.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public static void DeleteDatabase(string file)
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path.GetDirectoryName(file)!, recursive: true); } catch (IOException) { /* temp leftovers are harmless */ }
    }
}
