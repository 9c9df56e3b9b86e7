using Microsoft.Extensions.DependencyInjection.Extensions;
using ThiDua.Dashboard.Configuration;
using ThiDua.Dashboard.Ingestion;

namespace ThiDua.Dashboard.Live;

public static class LiveRegistration
{
    /// <summary>The engine holder, the notifier in front of it, and the one ingestion path.</summary>
    public static IServiceCollection AddThiDuaLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<LiveOptions, LiveOptionsValidation>(configuration, LiveOptions.SectionName);
        services.AddSingleton<EngineHost>();
        services.AddSingleton<LeaderboardNotifier>();
        services.AddSingleton<ILeaderboardPublisher>(sp => sp.GetRequiredService<LeaderboardNotifier>());
        services.AddSingleton<FigureIngestion>();
        // Several nodes on one database: one ordered apply per node, fed by this node's writers and by the follower.
        services.AddValidatedOptions<ClusterOptions, ClusterOptionsValidation>(configuration, ClusterOptions.SectionName);
        services.AddSingleton<ApplyOrder>();
        services.AddHostedService<VersionFollower>();
        // On PostgreSQL the database tells every node of each commit (LISTEN/NOTIFY); on SQLite this stays silent.
        services.AddSingleton<PostgresChangeSignal>();
        services.AddSingleton<IChangeSignal>(sp => sp.GetRequiredService<PostgresChangeSignal>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeSignal>());
        services.AddSingleton<StandingsHistory>();
        services.AddSingleton<FigureHistoryQueries>();
        services.AddHostedService<DayRollover>();
        services.AddValidatedOptions<DisplayOptions, DisplayOptionsValidation>(configuration, DisplayOptions.SectionName);
        return services;
    }

    /// <summary>Storage first (migrations, seed), then the engine from what it holds; both before serving.</summary>
    public static async Task LoadThiDuaAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await Storage.StorageServiceCollectionExtensions.InitializeThiDuaStorageAsync(app.Services, cancellationToken);
        // With campaigns, every active campaign's engine (the default's among them); otherwise the one engine.
        if (app.Services.GetService<Campaigns.CampaignEngines>() is { } engines) await engines.StartAsync(cancellationToken);
        else await app.Services.GetRequiredService<EngineHost>().LoadAsync(cancellationToken);
    }
}
