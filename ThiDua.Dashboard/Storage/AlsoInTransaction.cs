using Microsoft.Data.Sqlite;

namespace ThiDua.Dashboard.Storage;

/// <summary>
/// More work a store write commits in its own transaction, given what it wrote — in practice the
/// change's audit entry (see <c>AuditTrailExtensions.EntryFor</c>). The store calls it after its
/// own statements and before the commit; if it throws, nothing of the write is kept.
/// </summary>
public delegate Task AlsoInTransaction<in T>(SqliteConnection connection, SqliteTransaction transaction, T written);
