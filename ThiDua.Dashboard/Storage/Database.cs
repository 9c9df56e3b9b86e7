using System.Data.Common;

namespace ThiDua.Dashboard.Storage;

/// <summary>
/// The app's database, whichever provider holds it (<c>ThiDua:Storage:Provider</c>): SQLite
/// (<see cref="SqliteDatabase"/>) or PostgreSQL (<see cref="PostgresDatabase"/>). Repositories and stores
/// speak to it through ADO.NET's common types and Dapper, with the same SQL wherever the dialects agree;
/// the few statements that differ come from <see cref="Dialect"/>.
/// </summary>
public abstract class Database
{
    /// <summary>The name under <c>ConnectionStrings</c> in appsettings.json.</summary>
    public const string ConnectionStringName = "ThiDua";

    /// <summary>The provider's name as <c>ThiDua:Storage:Provider</c> spells it.</summary>
    public abstract string Provider { get; }

    /// <summary>Where the data lives, for logs and messages (a file path, or host/database without the password).</summary>
    public abstract string Description { get; }

    /// <summary>The statements this provider spells differently.</summary>
    public abstract SqlDialect Dialect { get; }

    /// <summary>Opens a new connection with this app's settings; the caller owns and disposes it (pooling keeps that cheap).</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a writing transaction that holds the database's one write lock until it ends: SQLite's
    /// BEGIN IMMEDIATE, PostgreSQL's transaction-scoped advisory lock. Every writer, on every node, queues
    /// here, so reading the last audit hash or the engine version and writing after it can never interleave
    /// with another writer: the audit chain never forks and no version is given twice.
    /// </summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default);

    /// <summary>A read-only transaction that sees one consistent snapshot and blocks no writer.</summary>
    public abstract Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken = default);

    /// <summary>Applies every migration newer than the database's schema version; refuses a newer schema.</summary>
    /// <returns>The number of migrations applied now (0 when the schema was current).</returns>
    public abstract Task<int> MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>The schema version recorded in the database (0 for a fresh one).</summary>
    public abstract Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default);
}
