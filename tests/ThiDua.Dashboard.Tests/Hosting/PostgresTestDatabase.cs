using Npgsql;

namespace ThiDua.Dashboard.Tests.Hosting;

/// <summary>
/// A throwaway PostgreSQL database for one test class (<c>IClassFixture&lt;PostgresTestDatabase&gt;</c>),
/// created on the server named by <c>THIDUA_TEST_POSTGRES</c> (set by .ci/run) and dropped afterwards.
/// Without the variable it tries the local server the way .ci/run sets it up; when neither answers
/// the test fails with a message saying what to do: PostgreSQL tests are never skipped.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    public const string EnvironmentVariable = "THIDUA_TEST_POSTGRES";

    /// <summary>The same role, password and server as .ci/services.sh creates.</summary>
    public const string LocalDefault = "Host=127.0.0.1;Port=5432;Username=thidua_test;Password=thidua_test;Database=postgres";

    private readonly string _server;

    public PostgresTestDatabase()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        _server = string.IsNullOrWhiteSpace(configured) ? LocalDefault : configured;
        // Lower case, so the name needs no quoting anywhere; unique, so parallel test classes never meet.
        Name = "thidua_test_" + Guid.NewGuid().ToString("N");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = Name }.ConnectionString;
    }

    /// <summary>The database's name (thidua_test_…).</summary>
    public string Name { get; }

    /// <summary>An Npgsql connection string to this database, as <c>ConnectionStrings:ThiDua</c> would hold it.</summary>
    public string ConnectionString { get; }

    public async Task InitializeAsync()
    {
        await using var connection = await OpenServerAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Name};", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        // Pooled connections into the database would keep it from being dropped.
        await using (var pooled = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(pooled);
        await using var connection = await OpenServerAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE);", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Empties the database for the next test of the class (tests of one class run one after another): every
    /// table, function and trigger of the app lives in the public schema, so dropping it leaves a fresh database.
    /// </summary>
    public async Task ResetAsync()
    {
        await using (var pooled = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(pooled);
        await using var connection = await OpenAsync();
        await using var reset = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", connection);
        await reset.ExecuteNonQueryAsync();
    }

    /// <summary>A connection to this database.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A connection to the server's maintenance database, where databases are created and dropped.</summary>
    internal async Task<NpgsqlConnection> OpenServerAsync()
    {
        var connection = new NpgsqlConnection(_server);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or ArgumentException)
        {
            await connection.DisposeAsync();
            var where = new NpgsqlConnectionStringBuilder(_server);
            throw new InvalidOperationException(
                $"PostgreSQL tests need a server: cannot connect as '{where.Username}' to {where.Host}:{where.Port} ({exception.Message}). "
                + $"Set {EnvironmentVariable} to an Npgsql connection string of a role with CREATEDB, or run "
                + "`source .ci/services.sh && install_missing_packages && start_postgres` as root to set up the local default.",
                exception);
        }
    }
}
