using System.Security.Cryptography;
using System.Text.Json;

namespace ThiDua.Dashboard.Audit;

/// <summary>
/// The hash of an audit entry: SHA-256 (lowercase hex) over a canonical serialization of every stored
/// field, in a fixed order, and the previous entry's hash. The serialization is a JSON array of
/// strings and nulls (the id as decimal text), so no field can bleed into the next and the same
/// row always gives the same bytes.
/// </summary>
public static class AuditHash
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Compute(long id, string at, string actor, string? address, string kind, string? subject,
        string summary, string? beforeJson, string? afterJson, string prevHash)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new[]
        {
            "thidua-audit-v1", id.ToString(System.Globalization.CultureInfo.InvariantCulture), at, actor, address, kind, subject,
            summary, beforeJson, afterJson, prevHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    internal static string Compute(AuditRow row) =>
        Compute(row.Id, row.At, row.Actor, row.Address, row.Kind, row.Subject, row.Summary, row.BeforeJson, row.AfterJson, row.PrevHash);
}

/// <summary>An audit_log row as stored (text columns, aliased to PascalCase).</summary>
internal sealed class AuditRow
{
    public long Id { get; set; }
    public string At { get; set; } = "";
    public string Actor { get; set; } = "";
    public string? Address { get; set; }
    public string Kind { get; set; } = "";
    public string? Subject { get; set; }
    public string Summary { get; set; } = "";
    public string? BeforeJson { get; set; }
    public string? AfterJson { get; set; }
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public const string Columns =
        "id AS Id, at AS At, actor AS Actor, address AS Address, kind AS Kind, subject AS Subject, summary AS Summary, "
        + "before_json AS BeforeJson, after_json AS AfterJson, prev_hash AS PrevHash, hash AS Hash";
}
