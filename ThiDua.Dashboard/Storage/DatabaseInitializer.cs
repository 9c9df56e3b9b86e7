using Dapper;
using Microsoft.Extensions.Logging;

namespace ThiDua.Dashboard.Storage;

/// <summary>What start-up found and did.</summary>
/// <param name="MigrationsApplied">Migrations applied now; 0 when the file was current.</param>
/// <param name="UnitsSeeded">Units written from the seed now; 0 on every start but the first.</param>
/// <param name="Version">The engine version to resume from.</param>
public sealed record DatabaseInitialization(int SchemaVersion, int MigrationsApplied, int UnitsSeeded, long Version);

/// <summary>Brings the database up to date at start: migrations, then the one-time unit seed.</summary>
public sealed class DatabaseInitializer(SqliteDatabase database, TimeProvider timeProvider, ILogger<DatabaseInitializer> logger)
{
    private const string SeedMetaKey = "units_seed";

    /// <summary>Migrates, seeds the units if this database has never been seeded, and reports.</summary>
    public Task<DatabaseInitialization> InitializeAsync(CancellationToken cancellationToken = default) =>
        InitializeAsync(UnitSeed.CanTho2024, cancellationToken);

    internal async Task<DatabaseInitialization> InitializeAsync(string seedFile, CancellationToken cancellationToken)
    {
        var applied = await database.MigrateAsync(cancellationToken);
        if (applied > 0)
        {
            logger.LogInformation("Applied {Count} migration(s) to {Path}", applied, database.FilePath);
        }

        var seeded = await SeedUnitsAsync(seedFile, cancellationToken);

        await using var connection = await database.OpenAsync(cancellationToken);
        var version = await VersionLog.CurrentAsync(connection, null, cancellationToken);
        var schemaVersion = await database.SchemaVersionAsync(cancellationToken);
        logger.LogInformation(
            "Database {Path} ready: schema {SchemaVersion}, engine version {Version}", database.FilePath, schemaVersion, version);
        return new DatabaseInitialization(schemaVersion, applied, seeded, version);
    }

    /// <summary>
    /// Writes the seed's units exactly once in the life of a database file: the fact is kept in
    /// <c>meta</c>, so later starts never touch units that people may have edited since.
    /// </summary>
    private async Task<int> SeedUnitsAsync(string seedFile, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();

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
                "Database {Path} has {Count} units but no seed record; the unit seed is not applied", database.FilePath, existing);
            return 0;
        }

        var seed = UnitSeed.Load(seedFile);
        var now = SqliteText.FromInstant(timeProvider.GetUtcNow());
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO units (code, name, block, district, active_from, active_to, merged_into, registered_on, created_at, updated_at)
            VALUES (@Code, @Name, @Block, @District, @ActiveFrom, @ActiveTo, @MergedInto, @RegisteredOn, @Timestamp, @Timestamp);
            """,
            seed.Units.Select(unit => UnitRow.Parameters(unit, now)).ToList(),
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO meta (key, value) VALUES (@Key, @Value);",
            new { Key = SeedMetaKey, Value = $"{seedFile} {now}" },
            transaction,
            cancellationToken: cancellationToken));
        transaction.Commit();

        logger.LogInformation("Seeded {Count} units from {Seed} into {Path}", seed.Units.Count, seedFile, database.FilePath);
        return seed.Units.Count;
    }
}
