using System.Data.Common;

namespace ThiDua.Dashboard.Storage;

/// <summary>
/// More work a store write commits in its own transaction, given what it wrote — in practice the
/// change's audit entry (see <c>AuditTrailExtensions.EntryFor</c>). The store calls it after its
/// own statements and before the commit; if it throws, nothing of the write is kept.
/// </summary>
public delegate Task AlsoInTransaction<in T>(DbConnection connection, DbTransaction transaction, T written);

public static class AlsoInTransactionExtensions
{
    /// <summary>
    /// Ends a store write: the extra work (the change's audit entry), if any, on what was written, then
    /// the commit — so every store keeps the same order and nothing commits when the extra work throws.
    /// </summary>
    public static async Task CommitWithAsync<T>(this DbTransaction transaction, AlsoInTransaction<T>? alsoInTransaction, T written)
    {
        if (alsoInTransaction is not null)
        {
            var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has already ended.");
            await alsoInTransaction(connection, transaction, written);
        }
        await transaction.CommitAsync(CancellationToken.None);
    }
}
