using Dapper;
using ThiDua.Scoring.Awards;

namespace ThiDua.Dashboard.Storage;

/// <summary>The city's recorded 766 classification: null rating while none is recorded (or after it was cleared).</summary>
public sealed record CityRatingRecord(CityRating? Rating, string? Source, string? By, DateTimeOffset? At)
{
    public static CityRatingRecord None { get; } = new(null, null, null, null);
}

/// <summary>The city's Bộ chỉ số 766 classification, append-only: the current value is the latest row.</summary>
public sealed class CityRatingRepository(Database database, CampaignKey campaign)
{
    public async Task<CityRatingRecord> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT rating AS Rating, source AS Source, recorded_by AS RecordedBy, recorded_at AS RecordedAt
            FROM city_ratings WHERE campaign_id = @CampaignId ORDER BY id DESC LIMIT 1;
            """, new { CampaignId = campaign.Id }, cancellationToken: cancellationToken));
        return row is null ? CityRatingRecord.None
            : new CityRatingRecord(CityRatingText.Parse(row.Rating), row.Source, row.RecordedBy, SqliteText.ToInstant(row.RecordedAt));
    }

    /// <summary>Appends the classification (null clears it).</summary>
    /// <param name="alsoInTransaction">Committed with the row (its audit entry); if it throws, nothing is stored.</param>
    public async Task<CityRatingRecord> RecordAsync(CityRating? rating, string? source, string by, DateTimeOffset at,
        CancellationToken cancellationToken = default, AlsoInTransaction<CityRatingRecord>? alsoInTransaction = null)
    {
        var record = new CityRatingRecord(rating, string.IsNullOrWhiteSpace(source) ? null : source.Trim(), by, at);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO city_ratings (campaign_id, rating, source, recorded_by, recorded_at)
            VALUES (@CampaignId, @Rating, @Source, @By, @At);
            """,
            new { CampaignId = campaign.Id, Rating = CityRatingText.Format(rating), record.Source, By = by, At = SqliteText.FromInstant(at) },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitWithAsync(alsoInTransaction, record);
        return record;
    }

    private sealed class Row
    {
        public string? Rating { get; set; }
        public string? Source { get; set; }
        public string RecordedBy { get; set; } = "";
        public string RecordedAt { get; set; } = "";
    }
}

/// <summary>The stored (and API) spelling of a 766 classification: xuatSac, tot, kha, trungBinh, yeu.</summary>
public static class CityRatingText
{
    private static readonly (CityRating Rating, string Text)[] _all =
        [(CityRating.XuatSac, "xuatSac"), (CityRating.Tot, "tot"), (CityRating.Kha, "kha"), (CityRating.TrungBinh, "trungBinh"), (CityRating.Yeu, "yeu")];

    /// <summary>Every accepted spelling, best first.</summary>
    public static IReadOnlyList<string> All { get; } = [.. _all.Select(r => r.Text)];

    public static string? Format(CityRating? rating) => rating is { } r ? _all.First(x => x.Rating == r).Text : null;

    /// <summary>Null for null; throws on text that is not one of <see cref="All"/> (the table's CHECK keeps it out).</summary>
    public static CityRating? Parse(string? text) => text is null ? null
        : TryParse(text, out var rating) ? rating : throw new InvalidOperationException($"Unknown stored city rating '{text}'.");

    public static bool TryParse(string text, out CityRating rating)
    {
        foreach (var (r, t) in _all)
            if (string.Equals(t, text, StringComparison.Ordinal)) { rating = r; return true; }
        rating = default;
        return false;
    }
}
