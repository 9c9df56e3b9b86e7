using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ThiDua.Dashboard.Tests.Hosting;

/// <summary>
/// Where one test's app keeps its data: a fresh SQLite file in its own temp folder, or the test class's
/// PostgreSQL database (<see cref="PostgresTestDatabase"/>), emptied for the test. Hosts take their storage
/// settings from here, so one test body runs on either provider.
/// </summary>
public sealed class TestStorage
{
    private readonly PostgresTestDatabase? _postgres;

    private TestStorage(string file, PostgresTestDatabase? postgres)
    {
        File = file;
        _postgres = postgres;
    }

    /// <summary>The SQLite file (on PostgreSQL, an unused path in a temp folder the test may still use for other files).</summary>
    public string File { get; }

    public bool IsPostgres => _postgres is not null;

    /// <summary>SQLite in <paramref name="file"/>, or PostgreSQL when <paramref name="postgres"/> is given (emptied now).</summary>
    public static TestStorage For(string file, PostgresTestDatabase? postgres)
    {
        postgres?.ResetAsync().GetAwaiter().GetResult();
        return new TestStorage(file, postgres);
    }

    /// <summary>The settings that point the app at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => _postgres is { } postgres
        ? new Dictionary<string, string?> { ["ThiDua:Storage:Provider"] = "postgres", ["ConnectionStrings:ThiDua"] = postgres.ConnectionString }
        : new Dictionary<string, string?> { ["ConnectionStrings:ThiDua"] = $"Data Source={File}" };

    /// <summary>A connection beside the app's, to look at (or break) the database as someone outside it.</summary>
    public async Task<DbConnection> OpenRawAsync()
    {
        DbConnection connection = _postgres is { } postgres
            ? new NpgsqlConnection(postgres.ConnectionString)
            : new SqliteConnection($"Data Source={File};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenRawAsync();
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenRawAsync();
        await connection.ExecuteAsync(sql);
    }

    /// <summary>Removes the SQLite file's folder (PostgreSQL's database is dropped with its class fixture).</summary>
    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        // A leftover (or never created) temp folder is harmless.
        try { Directory.Delete(Path.GetDirectoryName(File)!, recursive: true); } catch (IOException) { }
    }
}
