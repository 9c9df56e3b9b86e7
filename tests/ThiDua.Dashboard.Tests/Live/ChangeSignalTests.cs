using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ThiDua.Dashboard.Configuration;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Figures;

namespace ThiDua.Dashboard.Tests.Live;

/// <summary>
/// When a node follows: at start, when an <see cref="IChangeSignal"/> fires (what PostgreSQL's LISTEN will raise), and
/// at each periodic check — two sets of services on one SQLite file, the clock held still so only the
/// signal (or an explicit tick) can wake it.
/// </summary>
public sealed class ChangeSignalTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "thidua-signal-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 6, 30, 3, 0, 0, TimeSpan.Zero));
    private readonly Signal _signal = new();
    private ServiceProvider _writer = null!;
    private ServiceProvider _follower = null!;

    /// <summary>An <see cref="IChangeSignal"/> the test raises by hand, as a LISTEN connection raises it on a notification.</summary>
    private sealed class Signal : IChangeSignal
    {
        private readonly List<Action<long?>> _callbacks = [];

        public IDisposable Subscribe(Action<long?> changed)
        {
            lock (_callbacks) _callbacks.Add(changed);
            return new Unsubscribe(() => { lock (_callbacks) _callbacks.Remove(changed); });
        }

        public void Raise(long? version = null)
        {
            Action<long?>[] callbacks;
            lock (_callbacks) callbacks = [.. _callbacks];
            foreach (var callback in callbacks) callback(version);
        }

        private sealed class Unsubscribe(Action action) : IDisposable
        {
            public void Dispose() => action();
        }
    }

    private ServiceProvider Node(TimeProvider time, IChangeSignal? signal)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:ThiDua"] = $"Data Source={Path.Combine(_folder, "thidua.db")}",
                ["ThiDua:Cluster:CatchUpSeconds"] = "60",
            })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSingleton(time);
        services.AddCampaignRules(configuration);
        services.AddThiDuaStorage();
        services.AddThiDuaLive(configuration);
        if (signal is not null) services.AddSingleton(signal);
        return services.BuildServiceProvider();
    }

    public async Task InitializeAsync()
    {
        _writer = Node(_clock, null);
        await _writer.InitializeThiDuaStorageAsync();
        await _writer.GetRequiredService<EngineHost>().LoadAsync();
        _follower = Node(_clock, _signal);
        await _follower.GetRequiredService<EngineHost>().LoadAsync();
    }

    public async Task DisposeAsync()
    {
        await _follower.DisposeAsync();
        await _writer.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<long> PostAsync(string unit, long numerator)
    {
        var ingestion = _writer.GetRequiredService<FigureIngestion>();
        var result = await ingestion.SubmitAsync([new Figure(unit, "c", new DateOnly(2024, 6, 30), numerator, 100)], "api", "may-thu");
        Assert.Empty(result.Errors);
        return result.Version;
    }

    private static async Task<bool> ReachesAsync(EngineHost host, long version, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (host.Engine.Version < version && DateTime.UtcNow < until) await Task.Delay(50);
        return host.Engine.Version >= version;
    }

    [Fact]
    public async Task Follower_CatchesUpAtStart_OnASignal_AndAtThePeriodicCheck_NeverOtherwise()
    {
        // Arrange
        var follower = _follower.GetServices<IHostedService>().OfType<VersionFollower>().Single();
        var host = _follower.GetRequiredService<EngineHost>();
        var unit = _writer.GetRequiredService<EngineHost>().Engine.Units.First(u => u.Block == "phuong").Code;
        var before = await PostAsync(unit, 10);

        // Act and assert: at start.
        await follower.StartAsync(CancellationToken.None);
        try
        {
            Assert.True(await ReachesAsync(host, before, Patience), "caught up at start");

            // Nothing wakes it: the clock stands still and no signal comes.
            var signalled = await PostAsync(unit, 20);
            Assert.False(await ReachesAsync(host, signalled, TimeSpan.FromSeconds(1.5)), "followed without being told");

            // On a signal.
            _signal.Raise();
            Assert.True(await ReachesAsync(host, signalled, Patience), "caught up on the signal");

            // At the periodic check.
            var ticked = await PostAsync(unit, 30);
            _clock.Advance(TimeSpan.FromSeconds(60));
            Assert.True(await ReachesAsync(host, ticked, Patience), "caught up at the periodic check");
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(_writer.GetRequiredService<EngineHost>().Engine.Current().Boards.Select(b => b.Entries)),
                System.Text.Json.JsonSerializer.Serialize(host.Engine.Current().Boards.Select(b => b.Entries)));
            Assert.Equal(ticked, _follower.GetRequiredService<ApplyOrder>().AppliedVersion);
        }
        finally
        {
            await follower.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Follower_IgnoresASignalNamingAVersionItHasApplied_AndFollowsOneNamingANewer()
    {
        // Arrange: the follower is level with the writer, then the writer commits one more batch.
        var follower = _follower.GetServices<IHostedService>().OfType<VersionFollower>().Single();
        var host = _follower.GetRequiredService<EngineHost>();
        var unit = _writer.GetRequiredService<EngineHost>().Engine.Units.First(u => u.Block == "phuong").Code;
        var applied = await PostAsync(unit, 10);
        await follower.StartAsync(CancellationToken.None);
        try
        {
            Assert.True(await ReachesAsync(host, applied, Patience), "caught up at start");
            var newer = await PostAsync(unit, 20);

            // Act and assert: a notice of a batch it already has (as its own commits come back to it) wakes nothing…
            _signal.Raise(applied);
            Assert.False(await ReachesAsync(host, newer, TimeSpan.FromSeconds(1.5)), "woke for a version it had applied");

            // …one of a newer batch does.
            _signal.Raise(newer);
            Assert.True(await ReachesAsync(host, newer, Patience), "caught up on the newer version's notice");
        }
        finally
        {
            await follower.StopAsync(CancellationToken.None);
        }
    }

    [Theory]
    [InlineData("can-tho-2024:17", 17L)]
    [InlineData("chuyen-doi-so-2026:1", 1L)]
    [InlineData("can-tho-2024:decisions", null)]
    [InlineData("", null)]
    public void PostgresPayload_NamesTheVersionOfABatch_AndNoneOfADecision(string payload, long? version) =>
        Assert.Equal(version, PostgresChangeSignal.VersionOf(payload));
}
