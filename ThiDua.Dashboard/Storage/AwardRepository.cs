using Dapper;

namespace ThiDua.Dashboard.Storage;

/// <summary>A committee's current nomination for a committee slot.</summary>
public sealed record Nomination(long Id, string Block, string Slot, string Unit, string Reason, string By, DateTimeOffset At);

/// <summary>An individual proposed for the Bằng khen.</summary>
/// <param name="Duty">What the plan requires of the person: <see cref="IndividualDuty.MotCua"/> or <see cref="IndividualDuty.KiemSoatTthc"/>; null when not stated (listed before it was asked).</param>
public sealed record AwardIndividual(long Id, string FullName, string Position, string Unit, string Achievement, string By, DateTimeOffset At, string? Duty = null);

/// <summary>The plan's condition on a person proposed (KH 74, IV.2): one of the two, nobody else.</summary>
public static class IndividualDuty
{
    /// <summary>Works at the one-stop desk (Bộ phận Một cửa).</summary>
    public const string MotCua = "motCua";

    /// <summary>Controls administrative procedures.</summary>
    public const string KiemSoatTthc = "kiemSoatTthc";

    public static bool IsKnown(string? duty) => duty is MotCua or KiemSoatTthc;

    public static string Label(string? duty) => duty switch
    {
        MotCua => "Làm việc tại Bộ phận Một cửa",
        KiemSoatTthc => "Làm công tác kiểm soát thủ tục hành chính",
        _ => "Chưa ghi nhiệm vụ",
    };
}

/// <summary>The award committee's decisions: committee-slot nominations (append-only) and individuals.</summary>
public sealed class AwardRepository(Database database, CampaignKey campaign)
{
    /// <summary>Current nominations: per (block, slot, unit), the latest row when it is a nomination, oldest first.</summary>
    public async Task<IReadOnlyList<Nomination>> CurrentNominationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<NominationRow>(new CommandDefinition(
            """
            SELECT n.id AS Id, n.block AS Block, n.slot AS Slot, n.unit AS Unit, n.reason AS Reason,
                   n.submitted_by AS SubmittedBy, n.recorded_at AS RecordedAt
            FROM committee_nominations n
            WHERE n.campaign_id = @CampaignId AND n.action = 'nominate'
              AND n.id = (SELECT max(id) FROM committee_nominations m
                          WHERE m.campaign_id = n.campaign_id AND m.block = n.block AND m.slot = n.slot AND m.unit = n.unit)
            ORDER BY n.id;
            """, new { CampaignId = campaign.Id }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new Nomination(r.Id, r.Block, r.Slot, r.Unit, r.Reason, r.SubmittedBy, SqliteText.ToInstant(r.RecordedAt)))];
    }

    /// <summary>Appends a nomination or a withdrawal.</summary>
    /// <returns>The new row's id.</returns>
    /// <param name="alsoInTransaction">Committed with the row (its audit entry), given the row's id; if it throws, nothing is stored.</param>
    public async Task<long> RecordNominationAsync(string block, string slot, string unit, bool nominate, string reason, string by, DateTimeOffset at,
        CancellationToken cancellationToken = default, AlsoInTransaction<long>? alsoInTransaction = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO committee_nominations (campaign_id, block, slot, unit, action, reason, submitted_by, recorded_at)
            VALUES (@CampaignId, @Block, @Slot, @Unit, @Action, @Reason, @By, @At)
            RETURNING id;
            """,
            new { CampaignId = campaign.Id, Block = block, Slot = slot, Unit = unit, Action = nominate ? "nominate" : "withdraw", Reason = reason, By = by, At = SqliteText.FromInstant(at) },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitWithAsync(alsoInTransaction, id);
        return id;
    }

    /// <summary>Individuals not removed, in the order they were added.</summary>
    public async Task<IReadOnlyList<AwardIndividual>> IndividualsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IndividualRow>(new CommandDefinition(
            """
            SELECT id AS Id, full_name AS FullName, position AS Position, unit AS Unit, achievement AS Achievement,
                   created_by AS CreatedBy, created_at AS CreatedAt, duty AS Duty
            FROM award_individuals WHERE campaign_id = @CampaignId AND removed_at IS NULL ORDER BY id;
            """, new { CampaignId = campaign.Id }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToIndividual())];
    }

    /// <summary>Adds an individual unless <paramref name="limit"/> are already listed (checked in the same transaction).</summary>
    /// <returns>The new id, or null when the list is full.</returns>
    /// <param name="alsoInTransaction">Committed with the individual (its audit entry), given the new id; if it throws, nothing is stored.</param>
    public async Task<long?> AddIndividualAsync(string fullName, string position, string unit, string duty, string achievement, string by, DateTimeOffset at, int limit,
        CancellationToken cancellationToken = default, AlsoInTransaction<long>? alsoInTransaction = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM award_individuals WHERE campaign_id = @CampaignId AND removed_at IS NULL;", new { CampaignId = campaign.Id }, transaction: transaction, cancellationToken: cancellationToken));
        if (count >= limit) return null;
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO award_individuals (campaign_id, full_name, position, unit, duty, achievement, created_by, created_at)
            VALUES (@CampaignId, @FullName, @Position, @Unit, @Duty, @Achievement, @By, @At)
            RETURNING id;
            """,
            new { CampaignId = campaign.Id, FullName = fullName, Position = position, Unit = unit, Duty = duty, Achievement = achievement, By = by, At = SqliteText.FromInstant(at) },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitWithAsync(alsoInTransaction, id);
        return id;
    }

    /// <summary>Marks an individual removed (kept in the table, so the list can be explained later).</summary>
    /// <returns>The individual as listed before, or null when there is no such listed individual.</returns>
    /// <param name="alsoInTransaction">Committed with the removal (its audit entry), given the individual; if it throws, the individual stays listed.</param>
    public async Task<AwardIndividual?> RemoveIndividualAsync(long id, string by, DateTimeOffset at, CancellationToken cancellationToken = default,
        AlsoInTransaction<AwardIndividual>? alsoInTransaction = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IndividualRow>(new CommandDefinition(
            """
            UPDATE award_individuals SET removed_by = @By, removed_at = @At WHERE campaign_id = @CampaignId AND id = @Id AND removed_at IS NULL
            RETURNING id AS Id, full_name AS FullName, position AS Position, unit AS Unit, achievement AS Achievement,
                      created_by AS CreatedBy, created_at AS CreatedAt, duty AS Duty;
            """,
            new { CampaignId = campaign.Id, Id = id, By = by, At = SqliteText.FromInstant(at) }, transaction, cancellationToken: cancellationToken));
        if (row is null) return null;
        var person = row.ToIndividual();
        await transaction.CommitWithAsync(alsoInTransaction, person);
        return person;
    }

    private sealed class NominationRow
    {
        public long Id { get; set; }
        public string Block { get; set; } = "";
        public string Slot { get; set; } = "";
        public string Unit { get; set; } = "";
        public string Reason { get; set; } = "";
        public string SubmittedBy { get; set; } = "";
        public string RecordedAt { get; set; } = "";
    }

    private sealed class IndividualRow
    {
        public long Id { get; set; }
        public string FullName { get; set; } = "";
        public string Position { get; set; } = "";
        public string Unit { get; set; } = "";
        public string Achievement { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string? Duty { get; set; }

        public AwardIndividual ToIndividual() => new(Id, FullName, Position, Unit, Achievement, CreatedBy, SqliteText.ToInstant(CreatedAt), Duty);
    }
}
