using System.Data.Common;
using Dapper;
using ThiDua.Scoring.Figures;

namespace ThiDua.Dashboard.Storage;

/// <summary>A committed batch as another node reads it back: its campaign, version, why, and its figures in arrival order.</summary>
/// <param name="Reason">Why a batch without figures was recorded (a unit edit, the boards moving to a new day); null for figures.</param>
public sealed record FollowedBatch(long CampaignId, long Version, DateTimeOffset ReceivedAt, string? Reason, IReadOnlyList<Figure> Figures);

/// <summary>
/// What a node reads to catch up with commits made elsewhere: the batches after a version, and a mark of
/// the committee's decisions per campaign. The one place this SQL lives; it is standard SQL that SQLite and
/// PostgreSQL both accept, and it takes the caller's open connection, so each provider hands in its own.
/// </summary>
public static class BatchFeed
{
    private const string SelectBatches =
        """
        SELECT campaign_id AS CampaignId, version AS Version, received_at AS ReceivedAt, reason AS Reason
        FROM batches
        WHERE version > @After
        ORDER BY version
        LIMIT @Limit
        """;

    // By version range rather than batch ids: one statement whatever the page size, and the rows of a
    // committed batch never change, so reading them in a second statement sees exactly what the first saw.
    private const string SelectFigures =
        """
        SELECT b.version AS Version, f.unit AS Unit, f.indicator AS Indicator, f.as_of AS AsOf,
               f.numerator AS Numerator, f.denominator AS Denominator
        FROM figures f
        JOIN batches b ON b.id = f.batch_id
        WHERE b.version > @After AND b.version <= @Through
        ORDER BY f.id
        """;

    // Every decision table is append-only, except that an individual is removed by stamping removed_at; so
    // max(id) plus the count of rows (of removals, for individuals) only ever grows, and any decision raises it.
    private const string SelectDecisionMarks =
        """
        SELECT campaign_id AS CampaignId, CAST(sum(mark) AS BIGINT) AS Mark
        FROM (
            SELECT campaign_id, max(id) + count(*) AS mark FROM committee_nominations GROUP BY campaign_id
            UNION ALL SELECT campaign_id, max(id) + count(removed_at) AS mark FROM award_individuals GROUP BY campaign_id
            UNION ALL SELECT campaign_id, max(id) + count(*) AS mark FROM city_ratings GROUP BY campaign_id
            UNION ALL SELECT campaign_id, max(id) + count(*) AS mark FROM proposal_transitions GROUP BY campaign_id
            UNION ALL SELECT campaign_id, max(id) + count(*) AS mark FROM meeting_minutes GROUP BY campaign_id
        ) marks
        GROUP BY campaign_id
        """;

    /// <summary>
    /// Up to <paramref name="limit"/> batches committed after <paramref name="after"/>, of every campaign, in version order.
    /// Versions rise by one per committed batch and commit in that order (the version row is the writers' lock), so
    /// the list has no gaps.
    /// </summary>
    public static async Task<IReadOnlyList<FollowedBatch>> ReadAfterAsync(DbConnection connection, long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var batches = (await connection.QueryAsync<BatchRow>(new CommandDefinition(
            SelectBatches, new { After = after, Limit = limit }, cancellationToken: cancellationToken))).ToList();
        if (batches.Count == 0) return [];

        var figures = (await connection.QueryAsync<FigureRow>(new CommandDefinition(
            SelectFigures, new { After = after, Through = batches[^1].Version }, cancellationToken: cancellationToken)))
            .ToLookup(row => row.Version, row => row.ToFigure());
        return [.. batches.Select(b => new FollowedBatch(b.CampaignId, b.Version, Instant(b.ReceivedAt), b.Reason, [.. figures[b.Version]]))];
    }

    /// <summary>Per campaign id, a number that grows with every committee decision (nominations, individuals, the city's rating, proposal steps, minutes).</summary>
    public static async Task<IReadOnlyDictionary<long, long>> ReadDecisionMarksAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<MarkRow>(new CommandDefinition(SelectDecisionMarks, cancellationToken: cancellationToken));
        return rows.ToDictionary(row => row.CampaignId, row => row.Mark);
    }

    // Dates and instants are ISO text on SQLite; a provider with date types hands them back typed.
    private static DateOnly Date(object value) => value switch
    {
        string text => SqliteText.ToDate(text),
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        _ => throw new InvalidCastException($"as_of read as {value.GetType()}"),
    };

    private static DateTimeOffset Instant(object value) => value switch
    {
        string text => SqliteText.ToInstant(text),
        DateTimeOffset instant => instant,
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        _ => throw new InvalidCastException($"received_at read as {value.GetType()}"),
    };

    private sealed class BatchRow
    {
        public long CampaignId { get; set; }
        public long Version { get; set; }
        public object ReceivedAt { get; set; } = "";
        public string? Reason { get; set; }
    }

    private sealed class FigureRow
    {
        public long Version { get; set; }
        public string Unit { get; set; } = "";
        public string Indicator { get; set; } = "";
        public object AsOf { get; set; } = "";
        public long Numerator { get; set; }
        public long? Denominator { get; set; }

        public Figure ToFigure() => new(Unit, Indicator, Date(AsOf), Numerator, Denominator);
    }

    private sealed class MarkRow
    {
        public long CampaignId { get; set; }
        public long Mark { get; set; }
    }
}
