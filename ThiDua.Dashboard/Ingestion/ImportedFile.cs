using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;

namespace ThiDua.Dashboard.Ingestion;

/// <summary>
/// The file a batch was imported from: its SHA-256 (how a later preview knows the same bytes were
/// imported before), its size and its rows. Audited with the batch, in the batch's transaction.
/// </summary>
public sealed record ImportedFile(string Sha256, long Bytes, int Rows)
{
    public AuditRecord AuditRecord(string source, WriteActor actor, long version) =>
        new(AuditKinds.Import, actor.Name, actor.Address, $"Nhập tệp {source}: {Rows} dòng, phiên bản {version}", Subject: source,
            After: new { file = source, sha256 = Sha256, bytes = Bytes, rows = Rows, version });
}
