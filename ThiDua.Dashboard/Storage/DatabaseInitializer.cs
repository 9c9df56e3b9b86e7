using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Storage;

/// <summary>What start-up found and did.</summary>
/// <param name="MigrationsApplied">Migrations applied now; 0 when the file was current.</param>
/// <param name="UnitsSeeded">Units written from the seed now; 0 on every start but the first.</param>
/// <param name="Version">The engine version to resume from.</param>
public sealed record DatabaseInitialization(int SchemaVersion, int MigrationsApplied, int UnitsSeeded, long Version);

/// <summary>Brings the database up to date at start: migrations, the settings' campaign, then the one-time unit seed.</summary>
/// <param name="settings">ThiDua:Campaign: the first campaign of an empty (or newly migrated) database; absent where only storage is wired.</param>
public sealed class DatabaseInitializer(
    Database database, TimeProvider timeProvider, ILogger<DatabaseInitializer> logger, IOptions<CampaignRules>? settings = null)
{
    /// <summary>The code of the settings' campaign when ThiDua:Campaign:Code is empty.</summary>
    public const string FallbackCampaignCode = "chien-dich-1";

    private const string SeedMetaKey = "units_seed";

    /// <summary>Migrates, seeds the units if this database has never been seeded, and reports.</summary>
    public Task<DatabaseInitialization> InitializeAsync(CancellationToken cancellationToken = default) =>
        InitializeAsync(UnitSeed.CanTho2024, cancellationToken);

    internal async Task<DatabaseInitialization> InitializeAsync(string seedFile, CancellationToken cancellationToken)
    {
        var applied = await database.MigrateAsync(cancellationToken);
        if (applied > 0)
        {
            logger.LogInformation("Applied {Count} migration(s) to {Path}", applied, database.Description);
        }

        if (settings is not null)
        {
            await CampaignStore.AdoptSettingsAsync(database, settings.Value, FallbackCampaignCode, timeProvider.GetUtcNow(), cancellationToken);
        }

        var seeded = await SeedUnitsAsync(seedFile, cancellationToken);

        await using var connection = await database.OpenAsync(cancellationToken);
        var version = await VersionLog.CurrentAsync(connection, null, cancellationToken);
        var schemaVersion = await database.SchemaVersionAsync(cancellationToken);
        logger.LogInformation(
            "Database {Path} ready: schema {SchemaVersion}, engine version {Version}", database.Description, schemaVersion, version);
        return new DatabaseInitialization(schemaVersion, applied, seeded, version);
    }

    /// <summary>
    /// Writes the seed's units exactly once in the life of a database file: the fact is kept in
    /// <c>meta</c>, so later starts never touch units that people may have edited since.
    /// </summary>
    private async Task<int> SeedUnitsAsync(string seedFile, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);

        var seededBefore = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT value FROM meta WHERE key = @Key;", new { Key = SeedMetaKey }, transaction, cancellationToken: cancellationToken));
        if (seededBefore is not null)
        {
            return 0;
        }

        var existing = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM units;", transaction: transaction, cancellationToken: cancellationToken));
        if (existing > 0)
        {
            // Units that did not come from a seed belong to someone; do not mix a seed into them.
            logger.LogWarning(
                "Database {Path} has {Count} units but no seed record; the unit seed is not applied", database.Description, existing);
            return 0;
        }

        var seed = UnitSeed.Load(seedFile);
        var now = SqliteText.FromInstant(timeProvider.GetUtcNow());
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO units (campaign_id, code, name, block, district, active_from, active_to, merged_into, registered_on, created_at, updated_at)
            VALUES (@CampaignId, @Code, @Name, @Block, @District, @ActiveFrom, @ActiveTo, @MergedInto, @RegisteredOn, @Timestamp, @Timestamp);
            """,
            seed.Units.Select(unit => UnitRow.Parameters(CampaignKey.First, unit, now)).ToList(),
            transaction,
            cancellationToken: cancellationToken));
        // The seed's mergers are the first campaign's lineage (Thới Bình ← An Cư, An Nghiệp, An Phú).
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO unit_predecessors (campaign_id, unit, predecessor) SELECT campaign_id, merged_into, code FROM units WHERE campaign_id = 1 AND merged_into IS NOT NULL;",
            transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO meta (key, value) VALUES (@Key, @Value);",
            new { Key = SeedMetaKey, Value = $"{seedFile} {now}" },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(CancellationToken.None);

        logger.LogInformation("Seeded {Count} units from {Seed} into {Path}", seed.Units.Count, seedFile, database.Description);
        return seed.Units.Count;
    }
}
