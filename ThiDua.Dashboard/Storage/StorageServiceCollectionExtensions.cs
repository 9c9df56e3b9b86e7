using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ThiDua.Dashboard.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite database (<c>ConnectionStrings:ThiDua</c>, default
    /// <c>Data Source=data/thidua.db</c> beside the app), the repositories and the initializer.
    /// Call <see cref="InitializeThiDuaStorageAsync"/> once the app is built, before serving.
    /// </summary>
    public static IServiceCollection AddThiDuaStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var connectionString = configuration.GetConnectionString(SqliteDatabase.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = SqliteDatabase.DefaultConnectionString;
        }

        services.TryAddSingleton(TimeProvider.System);
        // Built on first use rather than here, so registering creates no folder as a side effect.
        services.AddSingleton(_ => new SqliteDatabase(connectionString));
        services.AddSingleton<UnitRepository>();
        services.AddSingleton<FigureRepository>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    /// <summary>Migrates and seeds the database; throws (and so stops start-up) when it cannot.</summary>
    public static Task<DatabaseInitialization> InitializeThiDuaStorageAsync(
        this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
}
