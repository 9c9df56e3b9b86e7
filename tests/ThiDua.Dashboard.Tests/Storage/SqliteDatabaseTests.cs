using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Tests.Storage;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Constructor_RelativeDataSource_ResolvesAgainstBaseDirectoryAndCreatesFolder()
    {
        // Arrange
        var baseDirectory = Path.Combine(_temp.Folder, "app");

        // Act
        var database = new SqliteDatabase("Data Source=data/thidua.db", baseDirectory);

        // Assert
        Assert.Equal(Path.Combine(baseDirectory, "data", "thidua.db"), database.FilePath);
        Assert.True(Directory.Exists(Path.Combine(baseDirectory, "data")));
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=x;Mode=Memory")]
    [InlineData("Mode=ReadWriteCreate")]
    public void Constructor_NoFile_Throws(string connectionString)
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => new SqliteDatabase(connectionString, _temp.Folder));

        // Assert
        Assert.Contains("ConnectionStrings:ThiDua", error.Message);
    }

    [Fact]
    public void AddThiDuaStorage_ConnectionStringInConfiguration_UsesThatFile()
    {
        // Arrange
        var file = Path.Combine(_temp.Folder, "elsewhere", "moved.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:ThiDua"] = $"Data Source={file}" })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddThiDuaStorage().BuildServiceProvider();

        // Act
        var database = Assert.IsType<SqliteDatabase>(services.GetRequiredService<Database>());

        // Assert
        Assert.Equal(file, database.FilePath);
        Assert.NotNull(services.GetRequiredService<FigureRepository>());
        Assert.NotNull(services.GetRequiredService<UnitRepository>());
        Assert.NotNull(services.GetRequiredService<DatabaseInitializer>());
    }

    [Fact]
    public async Task OpenAsync_AnyConnection_HasForeignKeysFullSyncAndBusyTimeout()
    {
        // Arrange
        await _temp.Database.MigrateAsync();

        // Act
        await using var connection = await _temp.Database.OpenAsync();
        var foreignKeys = await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys;");
        var synchronous = await connection.ExecuteScalarAsync<long>("PRAGMA synchronous;");
        var busyTimeout = await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout;");

        // Assert
        Assert.Equal(1, foreignKeys);
        Assert.Equal(2, synchronous); // 2 = FULL
        Assert.Equal(5000, busyTimeout);
    }

    [Fact]
    public async Task MigrateAsync_FreshFile_CreatesStrictTablesInWalModeWithSchemaVersionRow()
    {
        // Act
        var applied = await _temp.Database.MigrateAsync();

        // Assert
        var newest = MigrationScripts.All.Count;
        Assert.Equal(newest, applied);
        Assert.Equal("wal", _temp.Scalar<string>("PRAGMA journal_mode;"));
        using var connection = _temp.OpenRaw();
        var tables = connection.Query<(string Name, long Strict)>(
            "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name;").ToList();
        Assert.Superset(new HashSet<string> { "batches", "engine_state", "figures", "meta", "schema_version", "units" }, tables.Select(t => t.Name).ToHashSet());
        Assert.All(tables, table => Assert.Equal(1, table.Strict));
        var versionRows = connection.Query<(long Version, string Name)>("SELECT version, name FROM schema_version ORDER BY version;").ToList();
        Assert.Equal((1L, "0001_initial.sql"), versionRows[0]);
        Assert.Equal(Enumerable.Range(1, newest).Select(v => (long)v), versionRows.Select(r => r.Version));
        Assert.Equal(newest, await _temp.Database.SchemaVersionAsync());
    }

    [Fact]
    public async Task MigrateAsync_CurrentFile_AppliesNothing()
    {
        // Arrange
        await _temp.Database.MigrateAsync();

        // Act
        var applied = await _temp.Database.MigrateAsync();

        // Assert
        Assert.Equal(0, applied);
        Assert.Equal((long)MigrationScripts.All.Count, _temp.Scalar<long>("SELECT count(*) FROM schema_version;"));
    }

    [Fact]
    public async Task MigrateAsync_FileFromNewerBuild_IsRefusedNamingFileAndVersions()
    {
        // Arrange
        await _temp.Database.MigrateAsync();
        using (var connection = _temp.OpenRaw())
        {
            connection.Execute("INSERT INTO schema_version (version, name, applied_at) VALUES (42, '0042_future.sql', '2030-01-01T00:00:00.0000000Z');");
        }

        // Act
        var error = await Assert.ThrowsAsync<SchemaVersionTooNewException>(() => _temp.Database.MigrateAsync());

        // Assert
        Assert.Equal(42, error.DatabaseVersion);
        Assert.Equal(MigrationScripts.All.Count, error.NewestKnownVersion);
        Assert.Contains(_temp.FilePath, error.Message);
        Assert.Contains("phiên bản lược đồ 42", error.Message);
        Assert.Contains($"schema version 42, newer than {MigrationScripts.All.Count}", error.Message);
    }

    [Fact]
    public void MigrationScripts_Embedded_AreNumberedFromOneWithoutGaps()
    {
        // Act
        var scripts = MigrationScripts.All;

        // Assert
        Assert.Equal(Enumerable.Range(1, scripts.Count), scripts.Select(s => s.Version));
        Assert.Equal("0001_initial.sql", scripts[0].Name);
    }
}
