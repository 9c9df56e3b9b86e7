using System.Data.Common;

namespace ThiDua.Dashboard.Audit;

/// <summary>
/// The audit trail: every change of state with who, when (UTC), from where and what. Append-only
/// (the database refuses UPDATE and DELETE) and hash-chained, so a rewrite shows in <see cref="VerifyAsync"/>.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Appends one entry and returns it as stored (id, time, hashes).</summary>
    Task<AuditEntry> RecordAsync(AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends one entry inside a write transaction the caller owns, so the change and its entry
    /// are committed together (or not at all) and cost one durable commit.
    /// </summary>
    Task<AuditEntry> AppendAsync(DbConnection connection, DbTransaction transaction, AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>Entries matching the filter, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Recomputes the whole chain and reports the first entry that does not match.</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default);
}

/// <summary>What to record. <paramref name="Kind"/> is one of <see cref="AuditKinds"/> (or a new dotted name).</summary>
/// <param name="Actor">The user name, the API key's name, or "hệ thống".</param>
/// <param name="Address">The client's IP address, when known.</param>
/// <param name="Subject">What the change is about: a unit code, a user name, a key name, a slot…</param>
/// <param name="Summary">One line for people, in Vietnamese or plain facts.</param>
/// <param name="Before">The state before (serialized as JSON), null when nothing existed or it does not apply.</param>
/// <param name="After">The state after (serialized as JSON).</param>
public sealed record AuditRecord(
    string Kind,
    string Actor,
    string? Address,
    string Summary,
    string? Subject = null,
    object? Before = null,
    object? After = null);

/// <summary>One stored entry.</summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string Actor,
    string? Address,
    string Kind,
    string? Subject,
    string Summary,
    string? BeforeJson,
    string? AfterJson,
    string PrevHash,
    string Hash);

/// <summary>A filter for the admin page; every part optional. Dates are UTC days, inclusive.</summary>
public sealed record AuditQuery(
    string? Actor = null,
    string? Kind = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Limit = 500);

/// <summary>The answer of <c>GET /api/v1/audit/verify</c>.</summary>
public sealed record AuditVerification(bool Valid, long Entries, AuditBreak? FirstBroken);

/// <summary>The first entry whose stored hashes do not match what its fields give.</summary>
/// <param name="Reason"><c>hash</c> (its fields were changed) or <c>chain</c> (the entry before it was removed or replaced).</param>
public sealed record AuditBreak(long Id, DateTimeOffset? At, string Kind, string Actor, string Reason, string Message);
