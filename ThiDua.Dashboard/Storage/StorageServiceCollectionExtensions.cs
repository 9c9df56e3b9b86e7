using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ThiDua.Dashboard.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database of <c>ThiDua:Storage:Provider</c> — SQLite (<c>ConnectionStrings:ThiDua</c>, default
    /// <c>Data Source=data/thidua.db</c> beside the app) or PostgreSQL (<c>ConnectionStrings:ThiDua</c> an Npgsql
    /// connection string) — the repositories and the initializer.
    /// Call <see cref="InitializeThiDuaStorageAsync"/> once the app is built, before serving.
    /// </summary>
    public static IServiceCollection AddThiDuaStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);
        // Read when first used, not now: hosts (and test factories) may still add configuration
        // after registration, and building the database here would create its folder as a side effect.
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidation>();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.AddSingleton<Database>(sp =>
        {
            var provider = sp.GetRequiredService<IOptions<StorageOptions>>().Value.Canonical;
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString(Database.ConnectionStringName);
            var time = sp.GetRequiredService<TimeProvider>();
            if (provider == StorageOptions.Postgres)
            {
                return new PostgresDatabase(string.IsNullOrWhiteSpace(connectionString)
                    ? throw new OptionsValidationException(Database.ConnectionStringName, typeof(StorageOptions),
                        ["ConnectionStrings:ThiDua: Cần ghi chuỗi kết nối PostgreSQL (Host=…;Database=…;Username=…;Password=…) khi ThiDua:Storage:Provider là postgres."])
                    : connectionString, time);
            }

            return new SqliteDatabase(string.IsNullOrWhiteSpace(connectionString) ? SqliteDatabase.DefaultConnectionString : connectionString, time);
        });
        // Where only storage is wired, the repositories speak of the first campaign; the app replaces this
        // with the default campaign's key and gives every other campaign its own (Campaigns/CampaignServices).
        services.TryAddSingleton(CampaignKey.First);
        services.AddSingleton<UnitRepository>();
        services.AddSingleton<FigureRepository>();
        services.AddSingleton<AwardRepository>();
        services.AddSingleton<RegistrationRepository>();
        services.AddSingleton<ProposalRepository>();
        services.AddSingleton<CityRatingRepository>();
        services.AddSingleton<MeetingRepository>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    /// <summary>Migrates and seeds the database; throws (and so stops start-up) when it cannot.</summary>
    public static Task<DatabaseInitialization> InitializeThiDuaStorageAsync(
        this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
}
