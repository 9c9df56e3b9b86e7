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
    {
        DatabaseFile = databaseFile;
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ThiDua"] = $"Data Source={databaseFile}",
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
    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public HttpClient Writer { get; }
    public IServiceProvider Services => _host.Services;

    public static string NewDatabaseFile() => Path.Combine(Path.GetTempPath(), "thidua-api-" + Guid.NewGuid().ToString("N"), "thidua.db");

    public Task<HttpResponseMessage> PostFigures(object body) => Writer.PostAsJsonAsync("api/v1/figures", body);

    public async Task<long> FigureCount()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM figures";
        return (long)(await command.ExecuteScalarAsync())!;
    }

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
