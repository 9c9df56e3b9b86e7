using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Accounts;

/// <summary>A read-only screen link as listed (never its token).</summary>
/// <param name="Stamp">The first 16 hex digits of the token's hash: carried in the screen's cookie, so a cookie of another database's link with the same id never matches.</param>
public sealed record StoredScreenLink(
    long Id, string Name, string Stamp, string CreatedBy, DateTimeOffset CreatedAt,
    string? RevokedBy, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public bool IsRevoked => RevokedAt is not null;

    /// <summary>The name signed-in screens carry (and the audit trail records as the actor).</summary>
    public string PrincipalName => "Màn hình: " + Name;

    public object AuditView => new { Name, Revoked = IsRevoked };
}

/// <summary>
/// The screen_links table. A token is 32 random bytes (base64url); only its SHA-256 is stored —
/// a token of that entropy needs no slow hash — so a copy of the database opens no screen.
/// Whether a link is still live is cached for a few seconds, because every request of a signed-in
/// screen (pages, the circuit, the API) asks.
/// </summary>
public sealed class ScreenLinkStore(Database database, TimeProvider time)
{
    /// <summary>How long a link's state is trusted before the database is asked again (this process revokes at once).</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private const string Columns =
        "id AS Id, name AS Name, token_hash AS TokenHash, created_by AS CreatedBy, created_at AS CreatedAt, "
        + "revoked_by AS RevokedBy, revoked_at AS RevokedAt, last_used_at AS LastUsedAt";

    private static readonly TimeSpan _touchEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<long, (StoredScreenLink? Link, DateTimeOffset CheckedAt)> _cache = new();

    // Last-used times are written at most once a minute per link.
    private readonly ConcurrentDictionary<long, DateTimeOffset> _touched = new();

    public async Task<IReadOnlyList<StoredScreenLink>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LinkRow>(new CommandDefinition(
            $"SELECT {Columns} FROM screen_links ORDER BY revoked_at IS NOT NULL, name, id;", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToLink()).ToList();
    }

    /// <summary>The live (not revoked) link with this token, or null; records when it was used.</summary>
    public async Task<StoredScreenLink?> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        // A real token is 43 characters; anything far off is not worth a query.
        if (string.IsNullOrEmpty(token) || token.Length is < 32 or > 128) return null;
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LinkRow>(new CommandDefinition(
            $"SELECT {Columns} FROM screen_links WHERE token_hash = @Hash AND revoked_at IS NULL;", new { Hash = Hash(token) }, cancellationToken: cancellationToken));
        if (row is null) return null;
        var link = row.ToLink();
        _cache[link.Id] = (link, time.GetUtcNow());
        await TouchAsync(link.Id, cancellationToken);
        return link;
    }

    /// <summary>
    /// The live link a screen's cookie names (by id and stamp), or null when it was revoked or never
    /// existed here. Answered from the cache for <see cref="CacheFor"/>; records when it was used.
    /// </summary>
    public async Task<StoredScreenLink?> GetLiveAsync(long id, string? stamp, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        StoredScreenLink? link;
        if (_cache.TryGetValue(id, out var cached) && now - cached.CheckedAt < CacheFor)
        {
            link = cached.Link;
        }
        else
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var row = await connection.QuerySingleOrDefaultAsync<LinkRow>(new CommandDefinition(
                $"SELECT {Columns} FROM screen_links WHERE id = @Id;", new { Id = id }, cancellationToken: cancellationToken));
            link = row?.ToLink();
            _cache[id] = (link, now);
        }
        if (link is null || link.IsRevoked || !string.Equals(link.Stamp, stamp, StringComparison.Ordinal)) return null;
        await TouchAsync(id, cancellationToken);
        return link;
    }

    /// <returns>The stored link and its token, which is shown once and never again.</returns>
    /// <param name="alsoInTransaction">Committed with the link (its audit entry); if it throws, no link is stored.</param>
    internal async Task<(StoredScreenLink Link, string Token)> CreateAsync(string name, string createdBy, CancellationToken cancellationToken,
        AlsoInTransaction<StoredScreenLink>? alsoInTransaction = null)
    {
        var token = SecretTokens.New();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var row = await connection.QuerySingleAsync<LinkRow>(new CommandDefinition(
            $"""
            INSERT INTO screen_links (name, token_hash, created_by, created_at)
            VALUES (@Name, @Hash, @CreatedBy, @Now)
            RETURNING {Columns};
            """,
            new { Name = name.Trim(), Hash = Hash(token), CreatedBy = createdBy, Now = SqliteText.FromInstant(time.GetUtcNow()) },
            transaction, cancellationToken: cancellationToken));
        var link = row.ToLink();
        await transaction.CommitWithAsync(alsoInTransaction, link);
        return (link, token);
    }

    /// <returns>The link before it was revoked, or null when there is no such live link.</returns>
    /// <param name="alsoInTransaction">Committed with the revocation (its audit entry), given the link before it; if it throws, the link stays live.</param>
    internal async Task<StoredScreenLink?> RevokeAsync(long id, string revokedBy, CancellationToken cancellationToken,
        AlsoInTransaction<StoredScreenLink>? alsoInTransaction = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var before = await connection.QuerySingleOrDefaultAsync<LinkRow>(new CommandDefinition(
            $"SELECT {Columns} FROM screen_links WHERE id = @Id AND revoked_at IS NULL;", new { Id = id }, transaction, cancellationToken: cancellationToken));
        if (before is null) return null;
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE screen_links SET revoked_at = @Now, revoked_by = @By WHERE id = @Id AND revoked_at IS NULL;",
            new { Id = id, By = revokedBy, Now = SqliteText.FromInstant(time.GetUtcNow()) }, transaction, cancellationToken: cancellationToken));
        if (changed == 0) return null;
        var link = before.ToLink();
        await transaction.CommitWithAsync(alsoInTransaction, link);
        // Signed-in screens of this process lose access at their next request, not after the cache expires.
        _cache.TryRemove(id, out _);
        return link;
    }

    internal static string Hash(string token) => SecretTokens.Hash(token);

    private async Task TouchAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_touched.TryGetValue(id, out var last) && now - last < _touchEvery) return;
        _touched[id] = now;
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE screen_links SET last_used_at = @Now WHERE id = @Id;", new { Id = id, Now = SqliteText.FromInstant(now) }, cancellationToken: cancellationToken));
    }


    private sealed class LinkRow
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string TokenHash { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string? RevokedBy { get; set; }
        public string? RevokedAt { get; set; }
        public string? LastUsedAt { get; set; }

        public StoredScreenLink ToLink() => new(
            Id, Name, TokenHash[..16], CreatedBy, SqliteText.ToInstant(CreatedAt), RevokedBy,
            RevokedAt is null ? null : SqliteText.ToInstant(RevokedAt), LastUsedAt is null ? null : SqliteText.ToInstant(LastUsedAt));
    }
}
