using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ThiDua.Dashboard.Storage;

/// <summary>
/// The one owner of the SQLite file: where it lives, how every connection is set up, and the
/// schema migrations. Everything else asks it for an open connection, one per operation.
/// </summary>
public sealed class SqliteDatabase : Database
{
    /// <summary>Used when no connection string is configured: a data/ folder beside the app.</summary>
    public const string DefaultConnectionString = "Data Source=data/thidua.db";

    private static readonly TimeSpan _busyTimeout = TimeSpan.FromSeconds(5);

    // foreign_keys and busy_timeout are per connection and synchronous is not stored in the file,
    // so they are set on every open; journal_mode=WAL is stored in the file and set once in MigrateAsync.
    // synchronous=FULL because a figure we acknowledged must survive a power cut.
    private static readonly string _connectionPragmas = string.Create(
        CultureInfo.InvariantCulture,
        $"PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = {(int)_busyTimeout.TotalMilliseconds};");

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    /// <param name="connectionString">
    /// A Microsoft.Data.Sqlite connection string. A relative Data Source is resolved against
    /// <see cref="AppContext.BaseDirectory"/>, not the current directory, so the file does not move
    /// with wherever the app happens to be started from.
    /// </param>
    /// <param name="time">The app's clock, for when each migration was applied; the system's when none is given.</param>
    public SqliteDatabase(string connectionString, TimeProvider? time = null)
        : this(connectionString, AppContext.BaseDirectory, time)
    {
    }

    internal SqliteDatabase(string connectionString, string baseDirectory, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (string.IsNullOrWhiteSpace(dataSource)
            || dataSource == ":memory:"
            || builder.Mode == SqliteOpenMode.Memory)
        {
            // One connection per operation would lose an in-memory database between operations,
            // and the leaderboard must survive a restart anyway.
            throw new ArgumentException(
                "ConnectionStrings:ThiDua phải trỏ tới một tệp SQLite (Data Source=đường/dẫn.db). / "
                + "ConnectionStrings:ThiDua must name a SQLite file (Data Source=path/to/file.db); in-memory databases are not supported.",
                nameof(connectionString));
        }

        var path = Path.GetFullPath(Path.IsPathRooted(dataSource) ? dataSource : Path.Combine(baseDirectory, dataSource));
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        builder.DataSource = path;
        FilePath = path;
        _connectionString = builder.ToString();
    }

    /// <summary>The absolute path of the database file.</summary>
    public string FilePath { get; }

    public override string Provider => StorageOptions.Sqlite;

    public override string Description => FilePath;

    public override SqlDialect Dialect => SqlDialect.Sqlite;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await OpenSqliteAsync(cancellationToken);

    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): takes the file's one write lock at once, so the
    // reads a writer does before writing (the last audit hash, the version) are already under it.
    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction());

    // Deferred: a read transaction; in WAL mode it sees one consistent snapshot and blocks no writer.
    public override Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    /// <summary>Opens a connection as SQLite's own type (migrations need its transaction options).</summary>
    public async Task<SqliteConnection> OpenSqliteAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(_connectionPragmas, cancellationToken: cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Switches the file to WAL and applies every embedded migration newer than the file's schema
    /// version, each in its own transaction. Refuses a file whose schema is newer than this build.
    /// </summary>
    /// <returns>The number of migrations applied now (0 when the file was current).</returns>
    public override async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var scripts = MigrationScripts.All;
        var newest = scripts[^1].Version;

        await using var connection = await OpenSqliteAsync(cancellationToken);

        // Must run outside a transaction; readers then never block the writer and vice versa.
        var journalMode = await connection.ExecuteScalarAsync<string>(
            new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
        if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Không bật được chế độ WAL cho '{FilePath}' (đang là '{journalMode}'). / "
                + $"Could not switch '{FilePath}' to WAL journal mode (it stays '{journalMode}').");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER NOT NULL PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            ) STRICT;
            """,
            cancellationToken: cancellationToken));

        var current = await ReadSchemaVersionAsync(connection, null, cancellationToken);
        if (current > newest)
        {
            throw new SchemaVersionTooNewException(FilePath, current, newest);
        }

        // SQLite's table-rebuild procedure (0009 rebuilds units and what refers to them) needs foreign
        // keys off, which can only be switched outside a transaction; each migration is checked with
        // foreign_key_check before it commits instead. Every later open switches them on again.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA foreign_keys = OFF;", cancellationToken: cancellationToken));
        var applied = 0;
        foreach (var script in scripts)
        {
            if (script.Version <= current)
            {
                continue;
            }

            // BEGIN IMMEDIATE (the Microsoft.Data.Sqlite default): a second process starting at the
            // same moment waits here, then sees the version already raised and skips.
            await using var transaction = connection.BeginTransaction();
            if (await ReadSchemaVersionAsync(connection, transaction, cancellationToken) >= script.Version)
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken));
            var broken = await connection.QueryAsync(new CommandDefinition(
                "PRAGMA foreign_key_check;", transaction: transaction, cancellationToken: cancellationToken));
            if (broken.Any())
            {
                throw new InvalidOperationException(
                    $"Migration '{script.Name}' would leave references to missing rows in '{FilePath}'; nothing of it is applied.");
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO schema_version (version, name, applied_at)
                VALUES (@Version, @Name, @AppliedAt);
                """,
                new { script.Version, script.Name, AppliedAt = SqliteText.FromInstant(_time.GetUtcNow()) },
                transaction,
                cancellationToken: cancellationToken));
            transaction.Commit();
            applied++;
        }

        await connection.ExecuteAsync(new CommandDefinition("PRAGMA foreign_keys = ON;", cancellationToken: cancellationToken));
        return applied;
    }

    /// <summary>The schema version recorded in the file (0 for a fresh file).</summary>
    public override async Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadSchemaVersionAsync(connection, null, cancellationToken);
    }

    private static async Task<int> ReadSchemaVersionAsync(
        DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version';",
            transaction: transaction,
            cancellationToken: cancellationToken));
        if (exists == 0)
        {
            return 0;
        }

        var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT max(version) FROM schema_version;", transaction: transaction, cancellationToken: cancellationToken));
        return checked((int)(version ?? 0));
    }
}
