using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Accounts;

/// <summary>A key created in the UI, as listed (never the key itself).</summary>
public sealed record StoredApiKey(
    long Id, string Name, string Prefix, UnitScope Scope, bool IsAdmin, string CreatedBy, DateTimeOffset CreatedAt,
    string? RevokedBy, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public bool IsRevoked => RevokedAt is not null;

    public object AuditView => new { Name, Prefix, Units = Scope.IsAll ? null : Scope.Units, IsAdmin, Revoked = IsRevoked };
}

/// <summary>
/// The api_keys table. A key is 32 random bytes (base64url, prefixed <c>td_</c>); only its SHA-256 is
/// stored — a key of that entropy needs no slow hash — so a copy of the database opens nothing.
/// </summary>
public sealed class ApiKeyStore(Database database, TimeProvider time)
{
    private const string Columns =
        "id AS Id, name AS Name, key_prefix AS Prefix, units AS Units, is_admin AS IsAdmin, created_by AS CreatedBy, created_at AS CreatedAt, "
        + "revoked_by AS RevokedBy, revoked_at AS RevokedAt, last_used_at AS LastUsedAt";

    private static readonly TimeSpan _touchEvery = TimeSpan.FromMinutes(1);

    // Last-used times are written at most once a minute per key: a write (and an fsync) per request
    // would halve the API's throughput for a timestamp nobody reads to the second.
    private readonly ConcurrentDictionary<long, DateTimeOffset> _touched = new();

    public async Task<IReadOnlyList<StoredApiKey>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys ORDER BY revoked_at IS NOT NULL, name;", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToKey()).ToList();
    }

    /// <summary>The live (not revoked) key with this secret, or null; records when it was used.</summary>
    public async Task<StoredApiKey?> AuthenticateAsync(string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key)) return null;
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE key_hash = @Hash AND revoked_at IS NULL;", new { Hash = Hash(key) }, cancellationToken: cancellationToken));
        if (row is null) return null;

        var now = time.GetUtcNow();
        if (!_touched.TryGetValue(row.Id, out var last) || now - last >= _touchEvery)
        {
            _touched[row.Id] = now;
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE api_keys SET last_used_at = @Now WHERE id = @Id;", new { row.Id, Now = SqliteText.FromInstant(now) }, cancellationToken: cancellationToken));
            row.LastUsedAt = SqliteText.FromInstant(now);
        }
        return row.ToKey();
    }

    /// <returns>The stored key and the secret, which is shown once and never again.</returns>
    /// <param name="alsoInTransaction">Committed with the key (its audit entry); if it throws, no key is stored.</param>
    internal async Task<(StoredApiKey Key, string Secret)> CreateAsync(string name, UnitScope scope, bool isAdmin, string createdBy, CancellationToken cancellationToken,
        AlsoInTransaction<StoredApiKey>? alsoInTransaction = null)
    {
        var secret = "td_" + SecretTokens.New();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var row = await connection.QuerySingleAsync<KeyRow>(new CommandDefinition(
            $"""
            INSERT INTO api_keys (name, key_hash, key_prefix, units, is_admin, created_by, created_at)
            VALUES (@Name, @Hash, @Prefix, @Units, @IsAdmin, @CreatedBy, @Now)
            RETURNING {Columns};
            """,
            new
            {
                Name = name.Trim(), Hash = Hash(secret), Prefix = secret[..8], Units = scope.ToJson(), IsAdmin = isAdmin ? 1 : 0,
                CreatedBy = createdBy, Now = SqliteText.FromInstant(time.GetUtcNow()),
            },
            transaction, cancellationToken: cancellationToken));
        var key = row.ToKey();
        await transaction.CommitWithAsync(alsoInTransaction, key);
        return (key, secret);
    }

    /// <returns>The key before it was revoked, or null when there is no such live key.</returns>
    /// <param name="alsoInTransaction">Committed with the revocation (its audit entry), given the key before it; if it throws, the key stays live.</param>
    internal async Task<StoredApiKey?> RevokeAsync(long id, string revokedBy, CancellationToken cancellationToken,
        AlsoInTransaction<StoredApiKey>? alsoInTransaction = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE id = @Id AND revoked_at IS NULL;", new { Id = id }, transaction, cancellationToken: cancellationToken));
        if (row is null) return null;
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @Now, revoked_by = @By WHERE id = @Id AND revoked_at IS NULL;",
            new { Id = id, By = revokedBy, Now = SqliteText.FromInstant(time.GetUtcNow()) }, transaction, cancellationToken: cancellationToken));
        var before = row.ToKey();
        await transaction.CommitWithAsync(alsoInTransaction, before);
        return before;
    }

    internal static string Hash(string key) => SecretTokens.Hash(key);


    private sealed class KeyRow
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string Prefix { get; set; } = "";
        public string? Units { get; set; }
        public long IsAdmin { get; set; }
        public string CreatedBy { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string? RevokedBy { get; set; }
        public string? RevokedAt { get; set; }
        public string? LastUsedAt { get; set; }

        public StoredApiKey ToKey() => new(
            Id, Name, Prefix, UnitScope.FromJson(Units), IsAdmin != 0, CreatedBy, SqliteText.ToInstant(CreatedAt), RevokedBy,
            RevokedAt is null ? null : SqliteText.ToInstant(RevokedAt), LastUsedAt is null ? null : SqliteText.ToInstant(LastUsedAt));
    }
}
