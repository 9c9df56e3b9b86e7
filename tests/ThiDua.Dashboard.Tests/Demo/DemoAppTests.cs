using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Demo;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Demo;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Tests.Api;
using ThiDua.Scoring.Figures;

namespace ThiDua.Dashboard.Tests.Demo;

/// <summary>The demo through the real app, on a temp SQLite file.</summary>
public sealed class DemoAppTests : IDisposable
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(60);
    private readonly string _file = ApiHost.NewDatabaseFile();

    public void Dispose() => ApiHost.DeleteDatabase(_file);

    private DemoHost Host(bool demo)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ThiDua"] = $"Data Source={_file}",
            ["ThiDua:Ingest:ApiKeys:0:Name"] = "may-thu",
            ["ThiDua:Ingest:ApiKeys:0:Key"] = ApiHost.Key,
        };
        if (demo)
        {
            settings["ThiDua:Demo:Enabled"] = "true";
            settings["ThiDua:Demo:IntervalSeconds"] = "0.2";
        }
        return new DemoHost(settings);
    }

    private async Task<long> FigureCount(string? source = null)
    {
        await using var connection = new SqliteConnection($"Data Source={_file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = source is null ? "SELECT count(*) FROM figures" : "SELECT count(*) FROM figures WHERE source = $source";
        if (source is not null) command.Parameters.AddWithValue("$source", source);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + _patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(100);
        }
    }

    private static bool FeedRegistered(DemoHost host) => host.Services.GetServices<IHostedService>().OfType<DemoFeed>().Any();

    [Fact]
    public async Task Demo_EmptyDatabase_FillsTheYearMarksItAndKeepsTheBoardsMoving()
    {
        await using var host = Host(demo: true);
        var client = new HttpClient { BaseAddress = host.Start() };
        var engineHost = host.Services.GetRequiredService<EngineHost>();
        var expected = DemoCampaign.Generate(engineHost.Campaign, engineHost.Engine.Units, engineHost.Engine.AsOf).FigureCount;

        await Eventually(async () => await FigureCount() >= expected, $"the {expected} figures of the simulated year are stored");

        Assert.True(host.Services.GetRequiredService<DemoState>().IsActive);
        Assert.Equal(await FigureCount(), await FigureCount("demo"));
        var version = engineHost.Engine.Version;
        await Eventually(() => Task.FromResult(engineHost.Engine.Version >= version + 3), "the live feed has sent three more batches");

        var boards = await client.GetFromJsonAsync<JsonElement>("api/v1/leaderboards");
        var ward = boards.GetProperty("boards").EnumerateArray()
            .Single(b => b.GetProperty("block").GetString() == "phuong" && b.GetProperty("group").GetString() == "tu-3500");
        Assert.True(ward.GetProperty("entries").GetArrayLength() >= 5);
        Assert.True(boards.GetProperty("version").GetInt64() > version);
    }

    [Fact]
    public async Task NoDemoFlag_NothingIsWritten()
    {
        await using (var host = Host(demo: false))
        {
            host.Start();
            await Task.Delay(TimeSpan.FromSeconds(1.5));

            Assert.False(FeedRegistered(host));
            Assert.False(host.Services.GetRequiredService<DemoState>().IsActive);
            Assert.Equal(0, host.Services.GetRequiredService<EngineHost>().Engine.Version);
        }
        Assert.Equal(0, await FigureCount());
    }

    [Fact]
    public async Task Demo_DatabaseWithRealFigures_WritesNothing()
    {
        await using (var api = new ApiHost(_file))
        {
            var response = await api.PostFigures(new[] { new { unit = "p-an-hoa", asOf = "2024-06-30", indicator = "c", numerator = 82, denominator = 100 } });
            response.EnsureSuccessStatusCode();
        }

        await using (var host = Host(demo: true))
        {
            host.Start();
            Assert.True(FeedRegistered(host));
            // Many intervals of the feed.
            await Task.Delay(TimeSpan.FromSeconds(2));

            Assert.False(host.Services.GetRequiredService<DemoState>().IsActive);
            Assert.Equal(1, host.Services.GetRequiredService<EngineHost>().Engine.Version);
        }
        Assert.Equal(1, await FigureCount());
        Assert.Equal(0, await FigureCount("demo"));
    }

    [Fact]
    public async Task Demo_DefaultCampaignHasRealFiguresAndOnlyAnotherCampaignHasDemoFigures_WritesNothing()
    {
        await using (var api = new ApiHost(_file))
        {
            // Another campaign the demo once filled (it was the default then)…
            using (var copied = await api.Writer.PostAsJsonAsync("api/v1/campaigns/can-tho-2024/copy",
                new { code = "mo-phong-2024", name = "Mô phỏng", periodStart = "2023-12-15", periodEnd = "2024-12-14" }))
                copied.EnsureSuccessStatusCode();
            using (var activated = await api.Writer.PostAsync("api/v1/campaigns/mo-phong-2024/activate", null)) activated.EnsureSuccessStatusCode();
            var simulated = await api.Services.GetRequiredService<CampaignEngines>().GetAsync("mo-phong-2024");
            Assert.True((await simulated!.GetRequired<FigureIngestion>().SubmitAsync(
                [new Figure("p-an-hoa", "c", new DateOnly(2024, 6, 30), 50, 100)], DemoData.Source, DemoData.By)).IsAccepted);
            // …and real figures in the default campaign.
            (await api.PostFigures(new[] { new { unit = "p-an-hoa", asOf = "2024-06-30", indicator = "c", numerator = 82, denominator = 100 } })).EnsureSuccessStatusCode();
        }

        await using (var host = Host(demo: true))
        {
            host.Start();
            Assert.False(host.Services.GetRequiredService<DemoState>().IsActive);
            // Many intervals of the feed.
            await Task.Delay(TimeSpan.FromSeconds(2));

            Assert.False(host.Services.GetRequiredService<DemoState>().IsActive);
        }
        Assert.Equal(2, await FigureCount());
        Assert.Equal(1, await FigureCount("demo"));
    }

    [Fact]
    public async Task Restart_AfterTheDemo_StateIsActiveFromTheStartAndTheYearIsNotWrittenTwice()
    {
        long stored;
        await using (var host = Host(demo: true))
        {
            host.Start();
            var engineHost = host.Services.GetRequiredService<EngineHost>();
            var expected = DemoCampaign.Generate(engineHost.Campaign, engineHost.Engine.Units, engineHost.Engine.AsOf).FigureCount;
            await Eventually(async () => await FigureCount() >= expected, "the simulated year is stored");
        }
        stored = await FigureCount();

        await using (var host = Host(demo: false))
        {
            host.Start();
            Assert.True(host.Services.GetRequiredService<DemoState>().IsActive);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        Assert.Equal(stored, await FigureCount());

        await using (var host = Host(demo: true))
        {
            host.Start();
            var engine = host.Services.GetRequiredService<EngineHost>().Engine;
            var version = engine.Version;
            await Eventually(() => Task.FromResult(engine.Version >= version + 2), "the resumed feed has sent two batches");
        }
        var after = await FigureCount();
        Assert.InRange(after, stored + 2, stored + 200);
    }
}
