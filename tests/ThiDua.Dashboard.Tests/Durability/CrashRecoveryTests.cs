using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ThiDua.Dashboard.Tests.Durability;

public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "thidua-crash-" + Guid.NewGuid().ToString("N"));
    private string DatabaseFile => Path.Combine(_folder, "thidua.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a leftover temp folder is harmless */ }
    }

    private static HttpClient Client(AppProcess app)
    {
        var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", AppProcess.Key);
        return client;
    }

    private static object[] Batch(int i) =>
    [
        new { unit = "p-an-hoa", asOf = "2024-06-30", indicator = "c", numerator = i % 100, denominator = 100 },
        new { unit = "x-giai-xuan", asOf = "2024-06-30", indicator = "a", numerator = i % 50, denominator = 50 },
        new { unit = "p-cai-khe", asOf = "2024-06-30", indicator = "dossiers", numerator = 3400 + i },
    ];

    [Fact]
    public async Task KillDashNine_AfterAcknowledgedFigures_RestartShowsTheSameLeaderboards()
    {
        Directory.CreateDirectory(_folder);
        string before;
        using (var app = await AppProcess.StartAsync(DatabaseFile))
        using (var client = Client(app))
        {
            for (var i = 0; i < 20; i++) (await client.PostAsJsonAsync("api/v1/figures", Batch(i))).EnsureSuccessStatusCode();
            before = await client.GetStringAsync("api/v1/leaderboards?asOf=2024-06-30");
            app.KillHard();
        }

        using var restarted = await AppProcess.StartAsync(DatabaseFile);
        using var again = Client(restarted);
        var after = await again.GetStringAsync("api/v1/leaderboards?asOf=2024-06-30");

        Assert.Equal(before, after);
        Assert.Equal(20, JsonDocument.Parse(after).RootElement.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task KillDashNine_WhileFourPostersWrite_LosesNoAcknowledgedBatchAndTheVersionNeverGoesDown()
    {
        Directory.CreateDirectory(_folder);
        var acknowledged = new ConcurrentBag<long>();
        using (var app = await AppProcess.StartAsync(DatabaseFile))
        {
            using var stop = new CancellationTokenSource();
            var posters = Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
            {
                using var client = Client(app);
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        var response = await client.PostAsJsonAsync("api/v1/figures", Batch(p * 10_000 + i), stop.Token);
                        if (!response.IsSuccessStatusCode) continue;
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token);
                        acknowledged.Add(body.GetProperty("version").GetInt64());
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        return; // the server is gone
                    }
                }
            })).ToList();

            while (acknowledged.Count < 100) await Task.Delay(20);
            app.KillHard();
            stop.Cancel();
            await Task.WhenAll(posters);
        }

        using var restarted = await AppProcess.StartAsync(DatabaseFile);
        using var again = Client(restarted);
        var version = (await again.GetFromJsonAsync<JsonElement>("api/v1/leaderboards")).GetProperty("version").GetInt64();
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM batches WHERE figure_count > 0";
        var stored = new HashSet<long>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) stored.Add(reader.GetInt64(0));

        Assert.True(version >= acknowledged.Max(), $"version {version} is below the acknowledged {acknowledged.Max()}");
        Assert.All(acknowledged, v => Assert.Contains(v, stored));
    }
}
