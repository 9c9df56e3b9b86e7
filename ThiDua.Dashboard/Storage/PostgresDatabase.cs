using System.Data;
using System.Data.Common;
using Dapper;
using Npgsql;

namespace ThiDua.Dashboard.Storage;

/// <summary>
/// The app's data on a PostgreSQL server (<c>ThiDua:Storage:Provider = postgres</c>), shared by any number
/// of dashboard nodes. Writers serialise in the database, never in process memory: every writing
/// transaction first takes one transaction-scoped advisory lock, so the audit chain and the engine version
/// advance one writer at a time across all nodes, exactly as SQLite's single write lock does on one machine.
/// </summary>
public sealed class PostgresDatabase : Database, IDisposable
{
    // Any fixed bigint, the same on every node; ThiDua uses no other advisory lock on the database.
    private const long WriteLockKey = 7_402_024_016;

    // Taken once per migration run so nodes starting together migrate one after the other.
    private const long MigrationLockKey = WriteLockKey + 1;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly string _listenerConnectionString;

    /// <param name="connectionString">An Npgsql connection string (Host=…;Database=…;Username=…;Password=…).</param>
    public PostgresDatabase(string connectionString, TimeProvider? time = null)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException(
                "ConnectionStrings:ThiDua phải là chuỗi kết nối PostgreSQL (Host=…;Database=…;Username=…;Password=…) khi ThiDua:Storage:Provider là postgres. / "
                + $"ConnectionStrings:ThiDua must be an Npgsql connection string when ThiDua:Storage:Provider is postgres ({exception.Message}).",
                nameof(connectionString), exception);
        }

        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new ArgumentException(
                "ConnectionStrings:ThiDua phải nêu Host và Database của máy chủ PostgreSQL. / "
                + "ConnectionStrings:ThiDua must name the PostgreSQL server's Host and Database.",
                nameof(connectionString));
        }

        _time = time ?? TimeProvider.System;
        Description = $"postgres://{builder.Host}:{builder.Port}/{builder.Database}";
        _listenerConnectionString = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Pooling = false, KeepAlive = 10 }.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public override string Provider => StorageOptions.Postgres;

    public override string Description { get; }

    public override SqlDialect Dialect => SqlDialect.Postgres;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            // Read committed after the lock: every statement of this transaction sees all that the
            // writers before it committed, as SQLite's BEGIN IMMEDIATE does.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@Key);", new { Key = WriteLockKey }, transaction, cancellationToken: cancellationToken));
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    // Repeatable read: one snapshot for the whole transaction, like a deferred SQLite read in WAL mode.
    public override async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    public override async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var scripts = MigrationScripts.Postgres;
        var newest = scripts[^1].Version;
        await using var connection = await OpenAsync(cancellationToken);
        var applied = 0;
        foreach (var script in scripts)
        {
            // DDL is transactional here: a migration and its schema_version row commit together or not at all.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@Key);", new { Key = MigrationLockKey }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version    BIGINT NOT NULL PRIMARY KEY,
                    name       TEXT COLLATE "C" NOT NULL,
                    applied_at TEXT COLLATE "C" NOT NULL
                );
                """,
                transaction: transaction, cancellationToken: cancellationToken));
            var current = await ReadSchemaVersionAsync(connection, transaction, cancellationToken);
            if (current > newest)
            {
                throw new SchemaVersionTooNewException(Description, current, newest);
            }

            if (current >= script.Version)
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt);",
                new { Version = (long)script.Version, script.Name, AppliedAt = SqliteText.FromInstant(_time.GetUtcNow()) },
                transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            applied++;
        }

        return applied;
    }

    public override async Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadSchemaVersionAsync(connection, null, cancellationToken);
    }

    /// <summary>
    /// A connection of its own, outside the pool, for LISTEN: it stays open for the node's life, and TCP
    /// keepalives make a server that vanished without a goodbye show up as an error rather than silence.
    /// </summary>
    public async Task<NpgsqlConnection> OpenListenerAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_listenerConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public void Dispose() => _dataSource.Dispose();

    private static async Task<int> ReadSchemaVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('schema_version') IS NOT NULL;", transaction: transaction, cancellationToken: cancellationToken));
        if (!exists)
        {
            return 0;
        }

        var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT max(version) FROM schema_version;", transaction: transaction, cancellationToken: cancellationToken));
        return checked((int)(version ?? 0));
    }
}
