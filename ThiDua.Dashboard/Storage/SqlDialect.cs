namespace ThiDua.Dashboard.Storage;

/// <summary>
/// The statements SQLite and PostgreSQL spell differently, in one place, so callers never branch on the
/// provider. Everything else (Dapper over the same SQL) is shared.
/// </summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(
        // AUTOINCREMENT never reuses an id, not even one whose row was removed behind our back.
        nextAuditId: "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0) + 1;",
        // Dapper expands a list parameter after IN into one parameter per item for SQLite.
        inList: (column, parameter) => $"{column} IN @{parameter}");

    public static readonly SqlDialect Postgres = new(
        // audit_log ids are given by the writer under the write lock (never by the identity), so the
        // highest id is the last one given; deletions are refused by a trigger.
        nextAuditId: "SELECT coalesce(max(id), 0) + 1 FROM audit_log;",
        // Dapper hands Npgsql a list parameter whole, as an array: "IN $1" is a syntax error there.
        inList: (column, parameter) => $"{column} = ANY(@{parameter})");

    private readonly Func<string, string, string> _inList;

    private SqlDialect(string nextAuditId, Func<string, string, string> inList)
    {
        NextAuditId = nextAuditId;
        _inList = inList;
    }

    /// <summary>The id the next audit entry takes; read under the write lock.</summary>
    public string NextAuditId { get; }

    /// <summary>The condition "column is one of the list given as parameter" (Dapper list parameter, no '@').</summary>
    public string InList(string column, string parameter) => _inList(column, parameter);
}
