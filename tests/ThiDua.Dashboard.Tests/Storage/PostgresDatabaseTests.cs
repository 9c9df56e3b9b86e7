using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Storage;
using ThiDua.Dashboard.Tests.Hosting;
using ThiDua.Scoring.Figures;

namespace ThiDua.Dashboard.Tests.Storage;

/// <summary>What only PostgreSQL has: its baseline migration, and several nodes writing to one database at once.</summary>
public sealed class PostgresDatabaseTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly TempDatabase _temp = new(postgres);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task MigrateAsync_FreshDatabase_BaselineRecordedAsSchema10AndASecondRunAppliesNothing()
    {
        // Act
        var first = await _temp.Database.MigrateAsync();
        var second = await _temp.Database.MigrateAsync();

        // Assert: the same numbering as SQLite's 0001..0010, so a migration 0011 lines up on both.
        Assert.Equal((1, 0), (first, second));
        Assert.Equal(MigrationScripts.All.Count, await _temp.Database.SchemaVersionAsync());
        Assert.Equal(10, MigrationScripts.PostgresBaselineVersion);
    }

    [Fact]
    public async Task Schema_AfterMigrations_SameTablesAndColumnsAsSqlite()
    {
        // Arrange
        using var sqliteFile = new TempDatabase();
        await sqliteFile.Database.MigrateAsync();
        await _temp.Database.MigrateAsync();

        // Act
        using var sqlite = sqliteFile.OpenRaw();
        var sqliteColumns = sqlite.Query<string>(
            "SELECT m.name || '.' || p.name FROM sqlite_schema m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%';");
        using var pg = _temp.OpenRaw();
        var postgresColumns = pg.Query<string>(
            "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public';");

        // Assert
        Assert.Equal(sqliteColumns.Order(StringComparer.Ordinal), postgresColumns.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AppendBatchAsync_TwoNodesWritingAtOnce_EveryVersionOnceAndOneUnbrokenAuditChain()
    {
        // Arrange: two nodes are two data sources (two connection pools) on the same database; nothing in
        // process memory is shared between their writers, so only the database can keep them in line.
        await _temp.InitializeAsync();
        using var first = new PostgresDatabase(postgres.ConnectionString);
        using var second = new PostgresDatabase(postgres.ConnectionString);
        var time = new FakeTimeProvider(TempDatabase.Now);
        var nodes = new[] { first, second }
            .Select(database => (Figures: new FigureRepository(database, CampaignKey.First), Audit: new SqliteAuditTrail(database, time)))
            .ToList();
        const int perNode = 15;

        // Act
        var writes = nodes.SelectMany((node, index) => Enumerable.Range(0, perNode).Select(i => Task.Run(() =>
            node.Figures.AppendBatchAsync(
                [new Figure("p-an-hoa", "a", new DateOnly(2024, 6, 30), i, 100)], "api", $"node-{index}", TempDatabase.Now,
                alsoInTransaction: node.Audit.EntryFor<StoredBatch>(batch => new AuditRecord(AuditKinds.Figures, $"node-{index}", null, $"phiên bản {batch.Version}"))))));
        var batches = await Task.WhenAll(writes);

        // Assert
        Assert.Equal(Enumerable.Range(1, 2 * perNode).Select(v => (long)v), batches.Select(b => b.Version).Order());
        Assert.Equal(2 * perNode, await nodes[0].Figures.CurrentVersionAsync());
        var verification = await nodes[1].Audit.VerifyAsync();
        Assert.True(verification.Valid, verification.FirstBroken?.Message);
        Assert.Equal(2 * perNode, verification.Entries);
        SqliteConnection.ClearAllPools();
    }
}
