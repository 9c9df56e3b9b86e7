using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Tests.Storage;

/// <summary>A real SQLite file in its own temp folder, deleted afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public static readonly DateTimeOffset Now = new(2024, 5, 2, 3, 4, 5, TimeSpan.Zero);

    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "thidua-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "thidua.db");
        Database = new SqliteDatabase($"Data Source={FilePath}");
    }

    public string Folder { get; }

    public string FilePath { get; }

    public SqliteDatabase Database { get; private set; }

    public FakeTimeProvider Time { get; } = new(Now);

    public FigureRepository Figures => new(Database, CampaignKey.First);

    public UnitRepository Units => new(Database, CampaignKey.First);

    public DatabaseInitializer Initializer() => new(Database, Time, NullLogger<DatabaseInitializer>.Instance);

    public Task<DatabaseInitialization> InitializeAsync() => Initializer().InitializeAsync();

    /// <summary>Drops every pooled connection and opens the file afresh, as a restart would.</summary>
    public void Reopen()
    {
        SqliteConnection.ClearAllPools();
        Database = new SqliteDatabase($"Data Source={FilePath}");
    }

    /// <summary>A raw connection with only foreign keys on, to act as someone bypassing the app.</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False;Foreign Keys=True");
        connection.Open();
        return connection;
    }

    public T Scalar<T>(string sql)
    {
        using var connection = OpenRaw();
        return connection.ExecuteScalar<T>(sql)!;
    }

    public void Dispose()
    {
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
}
