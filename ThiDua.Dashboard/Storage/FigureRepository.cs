using System.Data;
using System.Data.Common;
using Dapper;
using Npgsql;
using ThiDua.Scoring.Figures;

namespace ThiDua.Dashboard.Storage;

/// <summary>
/// The append-only store of figures and of the engine version. Nothing here updates or deletes:
/// a correction is a newer figure.
/// </summary>
public sealed class FigureRepository(Database database, CampaignKey campaign)
{
    private const string SelectStoredFigure =
        """
        SELECT id AS Id, batch_id AS BatchId, unit AS Unit, indicator AS Indicator, as_of AS AsOf,
               numerator AS Numerator, denominator AS Denominator, source AS Source,
               submitted_by AS SubmittedBy, received_at AS ReceivedAt
        FROM figures
        WHERE campaign_id = @CampaignId
        """;

    /// <summary>
    /// Stores a validated batch in one transaction: raises the engine version by exactly one,
    /// records the batch and inserts every figure. All or nothing: if any figure is refused (an
    /// unknown unit, a broken constraint) nothing is stored and the version stays.
    /// </summary>
    /// <param name="source">'api', an import file name, 'form' or 'demo'.</param>
    /// <param name="by">The API key name or the user.</param>
    /// <param name="alsoInTransaction">More work to commit with the batch (its audit entry), given the stored batch; if it throws, nothing is stored.</param>
    public async Task<StoredBatch> AppendBatchAsync(
        IReadOnlyCollection<Figure> figures,
        string source,
        string by,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken = default,
        AlsoInTransaction<StoredBatch>? alsoInTransaction = null)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Count == 0)
        {
            // An empty batch would bump the version with nothing to show for it; a change without
            // figures goes through RecordVersionBumpAsync and says why.
            throw new ArgumentException("A batch needs at least one figure.", nameof(figures));
        }

        VersionLog.ThrowIfBlank(source, by);

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var batch = await VersionLog.RecordAsync(
            connection, transaction, campaign, source, by, receivedAt, figures.Count, reason: null, cancellationToken);

        if (connection is NpgsqlConnection npgsql)
        {
            await InsertAllAsync(npgsql, transaction, batch, figures, source, by, receivedAt, cancellationToken);
        }
        else
        {
            await InsertEachAsync(connection, transaction, batch, figures, source, by, receivedAt, cancellationToken);
        }

        await transaction.CommitWithAsync(alsoInTransaction, batch);
        return batch;
    }

    /// <summary>
    /// Raises the engine version by one for a change that carries no figures (a unit edit made
    /// outside <see cref="UnitRepository"/>, a rules reload), recording who, when and why.
    /// </summary>
    public async Task<StoredBatch> RecordVersionBumpAsync(
        string reason,
        string source,
        string by,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        VersionLog.ThrowIfBlank(source, by);

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var batch = await VersionLog.RecordAsync(connection, transaction, campaign, source, by, receivedAt, 0, reason, cancellationToken);
        await transaction.CommitAsync(CancellationToken.None);
        return batch;
    }

    /// <summary>The highest engine version ever committed (0 before the first change).</summary>
    public async Task<long> CurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await VersionLog.CurrentAsync(connection, null, cancellationToken);
    }

    /// <summary>Every stored figure in arrival order, for rebuilding the engine at start.</summary>
    public async Task<IReadOnlyList<StoredFigure>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FigureRow>(new CommandDefinition(
            SelectStoredFigure + "\nORDER BY id;", new { CampaignId = campaign.Id }, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToStoredFigure()).ToList();
    }

    /// <summary>
    /// Units, every figure in arrival order and the engine version, all from one read snapshot,
    /// for rebuilding the engine at start: read separately, a batch committed in between would
    /// show up in the figures but not in the version (or the other way round).
    /// </summary>
    public async Task<StorageSnapshot> ReadSnapshotAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginReadAsync(connection, cancellationToken);
        var units = await connection.QueryAsync<UnitRow>(new CommandDefinition(
            UnitRow.SelectColumns + "\nORDER BY code;", new { CampaignId = campaign.Id }, transaction: transaction, cancellationToken: cancellationToken));
        var figures = await connection.QueryAsync<FigureRow>(new CommandDefinition(
            SelectStoredFigure + "\nORDER BY id;", new { CampaignId = campaign.Id }, transaction: transaction, cancellationToken: cancellationToken));
        var version = await VersionLog.CurrentAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(CancellationToken.None);
        return new StorageSnapshot(
            units.Select(row => row.ToUnitInfo()).ToList(),
            figures.Select(row => row.ToStoredFigure()).ToList(),
            version);
    }

    /// <summary>One unit's figures, newest received first.</summary>
    /// <param name="limit">At most this many; null for all.</param>
    public async Task<IReadOnlyList<StoredFigure>> ReadForUnitAsync(
        string unit, int? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        if (limit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit cannot be negative.");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FigureRow>(new CommandDefinition(
            SelectStoredFigure + "\nAND unit = @Unit\nORDER BY id DESC\nLIMIT @Limit;",
            // The largest bigint: "no limit" in both dialects (SQLite's -1 is an error on PostgreSQL).
            new { CampaignId = campaign.Id, Unit = unit, Limit = limit ?? long.MaxValue },
            cancellationToken: cancellationToken));
        return rows.Select(row => row.ToStoredFigure()).ToList();
    }

    /// <summary>The latest figures received, newest first, for the overview's feed.</summary>
    /// <param name="asOfAtMost">Only figures dated on or before this day (a page showing a past date).</param>
    public async Task<IReadOnlyList<StoredFigure>> ReadLatestAsync(int limit, DateOnly? asOfAtMost = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FigureRow>(new CommandDefinition(
            SelectStoredFigure + "\nAND (@AsOf IS NULL OR as_of <= @AsOf)\nORDER BY id DESC\nLIMIT @Limit;",
            new { CampaignId = campaign.Id, Limit = limit, AsOf = SqliteText.FromDate(asOfAtMost) }, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToStoredFigure()).ToList();
    }

    /// <summary>
    /// Which of these versions are this campaign's batches: versions are shared by every campaign, so
    /// what the audit trail says of a version (an import, say) is this campaign's only when its batch is.
    /// </summary>
    public async Task<IReadOnlySet<long>> OwnVersionsAsync(IReadOnlyCollection<long> versions, CancellationToken cancellationToken = default)
    {
        if (versions.Count == 0) return new HashSet<long>();
        await using var connection = await database.OpenAsync(cancellationToken);
        var own = await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT version FROM batches WHERE campaign_id = @CampaignId AND {database.Dialect.InList("version", "Versions")};",
            new { CampaignId = campaign.Id, Versions = versions.ToArray() }, cancellationToken: cancellationToken));
        return own.ToHashSet();
    }

    /// <summary>The number of stored figures.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM figures WHERE campaign_id = @CampaignId;", new { CampaignId = campaign.Id }, cancellationToken: cancellationToken));
    }

    private async Task InsertEachAsync(DbConnection connection, DbTransaction transaction, StoredBatch batch, IReadOnlyCollection<Figure> figures,
        string source, string by, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        // One prepared statement reused for every row: Dapper would rebuild the command per row,
        // and a year-end import can carry tens of thousands of figures.
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            """
            INSERT INTO figures (batch_id, campaign_id, unit, indicator, as_of, numerator, denominator, source, submitted_by, received_at)
            VALUES (@batchId, @campaignId, @unit, @indicator, @asOf, @numerator, @denominator, @source, @by, @receivedAt);
            """;
        Parameter(insert, "batchId", DbType.Int64).Value = batch.BatchId;
        Parameter(insert, "campaignId", DbType.Int64).Value = campaign.Id;
        var unit = Parameter(insert, "unit", DbType.String);
        var indicator = Parameter(insert, "indicator", DbType.String);
        var asOf = Parameter(insert, "asOf", DbType.String);
        var numerator = Parameter(insert, "numerator", DbType.Int64);
        var denominator = Parameter(insert, "denominator", DbType.Int64);
        Parameter(insert, "source", DbType.String).Value = source;
        Parameter(insert, "by", DbType.String).Value = by;
        Parameter(insert, "receivedAt", DbType.String).Value = SqliteText.FromInstant(receivedAt);
        await insert.PrepareAsync(cancellationToken);

        var written = 0;
        foreach (var figure in figures)
        {
            unit.Value = figure.Unit;
            indicator.Value = figure.Indicator;
            asOf.Value = SqliteText.FromDate(figure.AsOf);
            numerator.Value = figure.Numerator;
            denominator.Value = figure.Denominator is { } value ? value : DBNull.Value;

            // Synchronous on purpose: Microsoft.Data.Sqlite's async calls run synchronously anyway,
            // and an await per row only adds overhead.
            insert.ExecuteNonQuery();
            if (++written % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>
    /// PostgreSQL's way: the whole batch in one statement, its columns sent as arrays and unnested by the server
    /// in the batch's order, so a batch costs one round trip instead of one per figure.
    /// </summary>
    private async Task InsertAllAsync(NpgsqlConnection connection, DbTransaction transaction, StoredBatch batch, IReadOnlyCollection<Figure> figures,
        string source, string by, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO figures (batch_id, campaign_id, unit, indicator, as_of, numerator, denominator, source, submitted_by, received_at)
            SELECT @batchId, @campaignId, f.unit, f.indicator, f.as_of, f.numerator, f.denominator, @source, @by, @receivedAt
            FROM unnest(@units, @indicators, @asOfs, @numerators, @denominators) WITH ORDINALITY AS f (unit, indicator, as_of, numerator, denominator, n)
            ORDER BY f.n;
            """,
            connection, (NpgsqlTransaction)transaction);
        insert.Parameters.Add(new NpgsqlParameter<long>("batchId", batch.BatchId));
        insert.Parameters.Add(new NpgsqlParameter<long>("campaignId", campaign.Id));
        insert.Parameters.Add(new NpgsqlParameter<string>("source", source));
        insert.Parameters.Add(new NpgsqlParameter<string>("by", by));
        insert.Parameters.Add(new NpgsqlParameter<string>("receivedAt", SqliteText.FromInstant(receivedAt)));
        insert.Parameters.Add(new NpgsqlParameter<string[]>("units", [.. figures.Select(f => f.Unit)]));
        insert.Parameters.Add(new NpgsqlParameter<string[]>("indicators", [.. figures.Select(f => f.Indicator)]));
        insert.Parameters.Add(new NpgsqlParameter<string[]>("asOfs", [.. figures.Select(f => SqliteText.FromDate(f.AsOf))]));
        insert.Parameters.Add(new NpgsqlParameter<long[]>("numerators", [.. figures.Select(f => f.Numerator)]));
        insert.Parameters.Add(new NpgsqlParameter<long?[]>("denominators", [.. figures.Select(f => f.Denominator)]));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbParameter Parameter(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }

    // Settable properties with SQLite's own types (Int64, text), converted explicitly below.
    private sealed class FigureRow
    {
        public long Id { get; set; }

        public long BatchId { get; set; }

        public string Unit { get; set; } = "";

        public string Indicator { get; set; } = "";

        public string AsOf { get; set; } = "";

        public long Numerator { get; set; }

        public long? Denominator { get; set; }

        public string Source { get; set; } = "";

        public string SubmittedBy { get; set; } = "";

        public string ReceivedAt { get; set; } = "";

        public StoredFigure ToStoredFigure() => new(
            Id,
            BatchId,
            new Figure(Unit, Indicator, SqliteText.ToDate(AsOf), Numerator, Denominator),
            Source,
            SubmittedBy,
            SqliteText.ToInstant(ReceivedAt));
    }
}
