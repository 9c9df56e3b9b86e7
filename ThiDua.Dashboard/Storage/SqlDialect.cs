namespace ThiDua.Dashboard.Storage;

/// <summary>
/// The statements SQLite and PostgreSQL spell differently, in one place, so callers never branch on the
/// provider. Everything else (Dapper over the same SQL) is shared.
/// </summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(
        // AUTOINCREMENT never reuses an id, not even one whose row was removed behind our back.
        nextAuditId: "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0) + 1;");

    public static readonly SqlDialect Postgres = new(
        // audit_log ids are given by the writer under the write lock (never by the identity), so the
        // highest id is the last one given; deletions are refused by a trigger.
        nextAuditId: "SELECT coalesce(max(id), 0) + 1 FROM audit_log;");

    private SqlDialect(string nextAuditId) => NextAuditId = nextAuditId;

    /// <summary>The id the next audit entry takes; read under the write lock.</summary>
    public string NextAuditId { get; }
}
