using System.Globalization;
using System.Text.Json;
using Dapper;
using ThiDua.Dashboard.Dossier;

namespace ThiDua.Dashboard.Storage;

/// <summary>The minutes of the selection meeting as recorded, with who recorded them and when.</summary>
public sealed record MeetingMinutesRecord(MeetingMinutes Minutes, string By, DateTimeOffset At);

/// <summary>The selection meeting's minutes (<c>meeting_minutes</c>), append-only: the current minutes are the latest row.</summary>
public sealed class MeetingRepository(Database database, CampaignKey campaign)
{
    /// <summary>The meeting's time as stored and as the API speaks it: the campaign's local wall-clock time, to the minute.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>Null while no minutes are recorded.</returns>
    public async Task<MeetingMinutesRecord?> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT held_at AS HeldAt, place AS Place, chair AS Chair, secretary AS Secretary, attendees AS Attendees, votes AS Votes,
                   recorded_by AS RecordedBy, recorded_at AS RecordedAt
            FROM meeting_minutes WHERE campaign_id = @CampaignId ORDER BY id DESC LIMIT 1;
            """, new { CampaignId = campaign.Id }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// <summary>Appends the minutes, which become the current ones.</summary>
    /// <param name="alsoInTransaction">Committed with the row (its audit entry); if it throws, nothing is stored.</param>
    public async Task<MeetingMinutesRecord> RecordAsync(MeetingMinutes minutes, string by, DateTimeOffset at,
        CancellationToken cancellationToken = default, AlsoInTransaction<MeetingMinutesRecord>? alsoInTransaction = null)
    {
        var record = new MeetingMinutesRecord(minutes, by, at);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO meeting_minutes (campaign_id, held_at, place, chair, secretary, attendees, votes, recorded_by, recorded_at)
            VALUES (@CampaignId, @HeldAt, @Place, @Chair, @Secretary, @Attendees, @Votes, @By, @At);
            """,
            new
            {
                CampaignId = campaign.Id, HeldAt = minutes.At.ToString(TimeFormat, CultureInfo.InvariantCulture), minutes.Place, minutes.Chair, minutes.Secretary,
                Attendees = JsonSerializer.Serialize(minutes.Attendees, Json), Votes = JsonSerializer.Serialize(minutes.Votes, Json),
                By = by, At = SqliteText.FromInstant(at),
            },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitWithAsync(alsoInTransaction, record);
        return record;
    }

    private sealed class Row
    {
        public string HeldAt { get; set; } = "";
        public string Place { get; set; } = "";
        public string Chair { get; set; } = "";
        public string Secretary { get; set; } = "";
        public string Attendees { get; set; } = "[]";
        public string Votes { get; set; } = "[]";
        public string RecordedBy { get; set; } = "";
        public string RecordedAt { get; set; } = "";

        public MeetingMinutesRecord ToRecord() => new(
            new MeetingMinutes(DateTime.ParseExact(HeldAt, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None), Place, Chair, Secretary,
                JsonSerializer.Deserialize<List<string>>(Attendees, Json) ?? [], JsonSerializer.Deserialize<List<MeetingVote>>(Votes, Json) ?? []),
            RecordedBy, SqliteText.ToInstant(RecordedAt));
    }
}
