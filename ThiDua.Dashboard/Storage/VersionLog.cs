using System.Data.Common;
using Dapper;

namespace ThiDua.Dashboard.Storage;

/// <summary>
/// Raises the engine version by one and records the batch that caused it, inside the caller's
/// transaction, so a change and its version commit or vanish together.
/// </summary>
internal static class VersionLog
{
    public static async Task<StoredBatch> RecordAsync(
        DbConnection connection,
        DbTransaction transaction,
        CampaignKey campaign,
        string source,
        string by,
        DateTimeOffset receivedAt,
        int figureCount,
        string? reason,
        CancellationToken cancellationToken)
    {
        // One version for every campaign (a batch says which campaign it is for), so a campaign's
        // engine sees gaps where other campaigns changed. Read and raise in one statement; the transaction
        // comes from Database.BeginWriteAsync (BEGIN IMMEDIATE on SQLite, the advisory write lock on
        // PostgreSQL), so no other writer on any node can interleave between this and the commit.
        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "UPDATE engine_state SET version = version + 1 WHERE id = 1 RETURNING version;",
            transaction: transaction,
            cancellationToken: cancellationToken));

        var batchId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO batches (campaign_id, version, source, submitted_by, received_at, figure_count, reason)
            VALUES (@CampaignId, @Version, @Source, @By, @ReceivedAt, @FigureCount, @Reason)
            RETURNING id;
            """,
            new
            {
                CampaignId = campaign.Id,
                Version = version,
                Source = source,
                By = by,
                ReceivedAt = SqliteText.FromInstant(receivedAt),
                FigureCount = figureCount,
                Reason = reason,
            },
            transaction,
            cancellationToken: cancellationToken));

        return new StoredBatch(batchId, version, figureCount);
    }

    public static Task<long> CurrentAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT version FROM engine_state WHERE id = 1;", transaction: transaction, cancellationToken: cancellationToken));

    public static void ThrowIfBlank(string source, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
    }
}
