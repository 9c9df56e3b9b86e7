using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ThiDua.Dashboard.Storage;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Storage;

/// <summary>
/// A fresh, empty database for one test: a real SQLite file in its own temp folder (deleted afterwards), or,
/// given the class's <see cref="PostgresTestDatabase"/>, that PostgreSQL database emptied for this test.
/// </summary>
public sealed class TempDatabase : IDisposable
{
    public static readonly DateTimeOffset Now = new(2024, 5, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly PostgresTestDatabase? _postgres;

    public TempDatabase(PostgresTestDatabase? postgres = null)
    {
        _postgres = postgres;
        Folder = Path.Combine(Path.GetTempPath(), "thidua-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "thidua.db");
        postgres?.ResetAsync().GetAwaiter().GetResult();
        Database = Open();
    }

    /// <summary>A temp folder of this test (on SQLite, where the file lives).</summary>
    public string Folder { get; }

    /// <summary>The SQLite file (unused on PostgreSQL).</summary>
    public string FilePath { get; }

    public Database Database { get; private set; }

    /// <summary>True when this test runs on PostgreSQL.</summary>
    public bool IsPostgres => _postgres is not null;

    public FakeTimeProvider Time { get; } = new(Now);

    public FigureRepository Figures => new(Database, CampaignKey.First);

    public UnitRepository Units => new(Database, CampaignKey.First);

    public DatabaseInitializer Initializer() => new(Database, Time, NullLogger<DatabaseInitializer>.Instance);

    public Task<DatabaseInitialization> InitializeAsync() => Initializer().InitializeAsync();

    /// <summary>Drops every pooled connection and opens the database afresh, as a restart would.</summary>
    public void Reopen()
    {
        SqliteConnection.ClearAllPools();
        (Database as IDisposable)?.Dispose();
        Database = Open();
    }

    /// <summary>A raw connection (on SQLite with only foreign keys on), to act as someone bypassing the app.</summary>
    public DbConnection OpenRaw()
    {
        DbConnection connection = _postgres is { } postgres
            ? new NpgsqlConnection(postgres.ConnectionString)
            : new SqliteConnection($"Data Source={FilePath};Pooling=False;Foreign Keys=True");
        connection.Open();
        return connection;
    }

    public T Scalar<T>(string sql)
    {
        using var connection = OpenRaw();
        return connection.ExecuteScalar<T>(sql)!;
    }

    /// <summary>
    /// The database refused a write for breaking its rules: SQLITE_CONSTRAINT (which RAISE(ABORT) also reports) on
    /// SQLite; on PostgreSQL an integrity violation (class 23, which the plpgsql triggers raise) or a value the
    /// column's type refuses (class 22).
    /// </summary>
    public static void AssertRefused(DbException error)
    {
        switch (error)
        {
            case SqliteException sqlite:
                Assert.Equal(19, sqlite.SqliteErrorCode);
                break;
            case PostgresException postgres:
                Assert.True(postgres.SqlState.StartsWith("23", StringComparison.Ordinal) || postgres.SqlState.StartsWith("22", StringComparison.Ordinal),
                    $"expected an integrity or data error, got {postgres.SqlState}: {postgres.MessageText}");
                break;
            default:
                Assert.Fail($"unexpected {error.GetType().Name}: {error.Message}");
                break;
        }
    }

    public void Dispose()
    {
        (Database as IDisposable)?.Dispose();
        // Pooled connections keep the file (and its -wal/-shm) open; release them before deleting.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test for it would hide the real result.
        }
    }

    private Database Open() => _postgres is { } postgres
        ? new PostgresDatabase(postgres.ConnectionString, Time)
        : new SqliteDatabase($"Data Source={FilePath}", Time);
}
