using System.Data.Common;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Audit;

public static class AuditTrailExtensions
{
    /// <summary>
    /// The audit entry of a store write, appended inside the write's own transaction: the change and
    /// its entry are committed together or not at all, and a failing entry surfaces as an
    /// <see cref="AuditWriteException"/> after the write has been rolled back.
    /// </summary>
    /// <param name="record">The entry, from what the store wrote (the stored batch, the unit and its version…).</param>
    /// <returns>Null when there is no audit trail (some tests build services without one).</returns>
    public static AlsoInTransaction<T>? EntryFor<T>(this IAuditTrail? audit, Func<T, AuditRecord> record)
    {
        if (audit is null) return null;
        return async (connection, transaction, written) =>
        {
            var entry = record(written);
            try
            {
                await audit.AppendAsync(connection, transaction, entry, CancellationToken.None);
            }
            catch (Exception exception) when (exception is DbException or IOException or InvalidOperationException)
            {
                throw new AuditWriteException(entry, exception);
            }
        };
    }

    /// <summary>Two entries of one write, in order, in its transaction (e.g. a batch of figures and the file it came from).</summary>
    public static AlsoInTransaction<T>? Then<T>(this AlsoInTransaction<T>? first, AlsoInTransaction<T>? second) =>
        first is null ? second
        : second is null ? first
        : async (connection, transaction, written) =>
        {
            await first(connection, transaction, written);
            await second(connection, transaction, written);
        };
}

/// <summary>
/// The audit entry of a change could not be written, so the change was not stored either. Pages
/// show <see cref="UserMessage"/>; the API answers 500 problem+json with it as the title.
/// </summary>
public sealed class AuditWriteException(AuditRecord record, Exception inner)
    : Exception($"Could not write the audit entry {record.Kind} by {record.Actor}: {record.Summary}; the change was rolled back.", inner)
{
    public const string UserMessage = "Không lưu được: không ghi được vào nhật ký thay đổi, nên chưa có gì được lưu. Hãy thử lại sau hoặc báo người quản trị hệ thống.";

    public AuditRecord Record { get; } = record;
}
