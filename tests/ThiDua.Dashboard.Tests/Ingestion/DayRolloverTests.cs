using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ThiDua.Dashboard.Configuration;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Tests.Ingestion;

public sealed class DayRolloverTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "thidua-day-" + Guid.NewGuid().ToString("N"));
    // 30/06/2024 10:00 in Hồ Chí Minh City.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 6, 30, 3, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:ThiDua"] = $"Data Source={Path.Combine(_folder, "thidua.db")}" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSingleton<TimeProvider>(_time);
        services.AddCampaignRules(configuration);
        services.AddThiDuaStorage();
        services.AddThiDuaLive(configuration);
        _services = services.BuildServiceProvider();
        await _services.InitializeThiDuaStorageAsync();
        await _services.GetRequiredService<EngineHost>().LoadAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task MoveToToday_AfterMidnightInTheCampaignZone_MovesTheBoardsAndStoresTheVersion()
    {
        var host = _services.GetRequiredService<EngineHost>();
        var ingestion = _services.GetRequiredService<FigureIngestion>();
        Assert.Equal(new DateOnly(2024, 6, 30), host.Engine.AsOf);
        Assert.False(await ingestion.MoveToTodayAsync());

        _time.Advance(TimeSpan.FromHours(14)); // 01/07/2024 00:00 in Hồ Chí Minh City, still 30/06 in UTC
        var moved = await ingestion.MoveToTodayAsync();

        Assert.True(moved);
        Assert.Equal(new DateOnly(2024, 7, 1), host.Engine.AsOf);
        Assert.Equal(1, host.Engine.Version);
        Assert.Equal(1, await _services.GetRequiredService<FigureRepository>().CurrentVersionAsync());
        Assert.False(await ingestion.MoveToTodayAsync());
    }
}
