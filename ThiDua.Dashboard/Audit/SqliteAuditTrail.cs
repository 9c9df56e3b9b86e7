using System.Data.Common;
using System.Text.Json;
using Dapper;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Audit;

/// <summary>The audit trail in the <c>audit_log</c> table of the app's database (SQLite or PostgreSQL).</summary>
public sealed class SqliteAuditTrail(Database database, TimeProvider time) : IAuditTrail
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Enums as the API spells them ("notMet", not 1), so an entry reads without the source code.
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task<AuditEntry> RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var entry = await AppendAsync(connection, transaction, record, cancellationToken);
        await transaction.CommitAsync(CancellationToken.None);
        return entry;
    }

    public async Task<AuditEntry> AppendAsync(DbConnection connection, DbTransaction transaction, AuditRecord record,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Actor);

        var row = new AuditRow
        {
            At = SqliteText.FromInstant(time.GetUtcNow()),
            Actor = record.Actor,
            Address = string.IsNullOrWhiteSpace(record.Address) ? null : record.Address,
            Kind = record.Kind,
            Subject = record.Subject,
            Summary = record.Summary ?? "",
            BeforeJson = Serialize(record.Before),
            AfterJson = Serialize(record.After),
        };

        // Inside a write transaction (Database.BeginWriteAsync): reading the last hash and appending after it
        // happen under the database's write lock, so two writers (or two nodes) never chain onto the same entry.
        var last = await connection.QuerySingleOrDefaultAsync<(long Id, string Hash)?>(new CommandDefinition(
            "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1;", transaction: transaction, cancellationToken: cancellationToken));
        var nextId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            database.Dialect.NextAuditId,
            transaction: transaction, cancellationToken: cancellationToken));
        row.Id = Math.Max(nextId, (last?.Id ?? 0) + 1);
        row.PrevHash = last?.Hash ?? AuditHash.Genesis;
        row.Hash = AuditHash.Compute(row);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_log (id, at, actor, address, kind, subject, summary, before_json, after_json, prev_hash, hash)
            VALUES (@Id, @At, @Actor, @Address, @Kind, @Subject, @Summary, @BeforeJson, @AfterJson, @PrevHash, @Hash);
            """,
            row, transaction, cancellationToken: cancellationToken));
        return ToEntry(row);
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            $"""
            SELECT {AuditRow.Columns} FROM audit_log
            WHERE (@Actor IS NULL OR lower(actor) = lower(@Actor))
              AND (@Kind IS NULL OR kind = @Kind OR kind LIKE @KindPrefix)
              AND (@From IS NULL OR at >= @From)
              AND (@To IS NULL OR at < @To)
            ORDER BY id DESC
            LIMIT @Limit;
            """,
            new
            {
                Actor = Blank(query.Actor),
                Kind = Blank(query.Kind),
                KindPrefix = Blank(query.Kind) is { } kind ? kind + ".%" : null,
                From = query.From is { } from ? SqliteText.FromDate(from) : null,
                To = query.To is { } to ? SqliteText.FromDate(to.AddDays(1)) : null,
                Limit = Math.Clamp(query.Limit, 1, 10_000),
            },
            cancellationToken: cancellationToken));
        return rows.Select(ToEntry).ToList();
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Unbuffered: the trail may be long, and each row is needed only once.
        var rows = connection.QueryUnbufferedAsync<AuditRow>($"SELECT {AuditRow.Columns} FROM audit_log ORDER BY id;");
        var previous = AuditHash.Genesis;
        long count = 0;
        AuditBreak? broken = null;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            count++;
            if (broken is not null) continue;
            if (!string.Equals(row.PrevHash, previous, StringComparison.Ordinal))
                broken = Break(row, "chain", "Mục này không nối tiếp mục liền trước: một mục trước nó đã bị xóa hoặc thay thế.");
            else if (!string.Equals(AuditHash.Compute(row), row.Hash, StringComparison.Ordinal))
                broken = Break(row, "hash", "Nội dung mục này không khớp với mã băm đã lưu: mục đã bị sửa.");
            previous = row.Hash;
        }
        return new AuditVerification(broken is null, count, broken);
    }

    private static AuditBreak Break(AuditRow row, string reason, string message)
    {
        DateTimeOffset? at = null;
        try { at = SqliteText.ToInstant(row.At); } catch (FormatException) { /* an altered time is still reported by id */ }
        return new AuditBreak(row.Id, at, row.Kind, row.Actor, reason, message);
    }

    private static string? Serialize(object? value) => value switch
    {
        null => null,
        string text => JsonSerializer.Serialize(text, _json),
        _ => JsonSerializer.Serialize(value, value.GetType(), _json),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static AuditEntry ToEntry(AuditRow row) => new(
        row.Id, SqliteText.ToInstant(row.At), row.Actor, row.Address, row.Kind, row.Subject, row.Summary,
        row.BeforeJson, row.AfterJson, row.PrevHash, row.Hash);
}
