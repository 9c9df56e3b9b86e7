using Dapper;

namespace ThiDua.Dashboard.Storage;

/// <summary>A step of the award proposal's review chain as stored.</summary>
/// <param name="FixedJson">The list a selection fixed; null on every other step.</param>
public sealed record StoredProposalStep(long Id, string Action, string State, string? Note, string? FixedJson,
    string? DecisionNumber, DateOnly? DecisionDate, string? DecisionSigner, string By, DateTimeOffset At);

/// <summary>The proposal's steps, append-only (<c>proposal_transitions</c>).</summary>
public sealed class ProposalRepository(Database database, CampaignKey campaign)
{
    /// <summary>Every step, oldest first.</summary>
    public async Task<IReadOnlyList<StoredProposalStep>> StepsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StepRow>(new CommandDefinition(
            """
            SELECT id AS Id, action AS Action, state AS State, note AS Note, fixed_json AS FixedJson,
                   decision_number AS DecisionNumber, decision_date AS DecisionDate, decision_signer AS DecisionSigner,
                   recorded_by AS RecordedBy, recorded_at AS RecordedAt
            FROM proposal_transitions WHERE campaign_id = @CampaignId ORDER BY id;
            """, new { CampaignId = campaign.Id }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToStep())];
    }

    /// <summary>
    /// Appends a step unless another was appended since <paramref name="afterId"/> (0 = none yet), checked in
    /// the same transaction so two offices acting at once never both move the proposal from the same state.
    /// </summary>
    /// <returns>The stored step, or null when the proposal moved meanwhile.</returns>
    /// <param name="alsoInTransaction">Committed with the step (its audit entry); if it throws, nothing is stored.</param>
    public async Task<StoredProposalStep?> AppendAsync(long afterId, StoredProposalStep step, CancellationToken cancellationToken = default,
        AlsoInTransaction<StoredProposalStep>? alsoInTransaction = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var latest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT max(id) FROM proposal_transitions WHERE campaign_id = @CampaignId;", new { CampaignId = campaign.Id }, transaction: transaction, cancellationToken: cancellationToken)) ?? 0;
        if (latest != afterId) return null;
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO proposal_transitions (campaign_id, action, state, note, fixed_json, decision_number, decision_date, decision_signer, recorded_by, recorded_at)
            VALUES (@CampaignId, @Action, @State, @Note, @FixedJson, @DecisionNumber, @DecisionDate, @DecisionSigner, @By, @At)
            RETURNING id;
            """,
            new
            {
                CampaignId = campaign.Id, step.Action, step.State, step.Note, step.FixedJson, step.DecisionNumber, DecisionDate = SqliteText.FromDate(step.DecisionDate),
                step.DecisionSigner, step.By, At = SqliteText.FromInstant(step.At),
            },
            transaction, cancellationToken: cancellationToken));
        var stored = step with { Id = id };
        await transaction.CommitWithAsync(alsoInTransaction, stored);
        return stored;
    }

    private sealed class StepRow
    {
        public long Id { get; set; }
        public string Action { get; set; } = "";
        public string State { get; set; } = "";
        public string? Note { get; set; }
        public string? FixedJson { get; set; }
        public string? DecisionNumber { get; set; }
        public string? DecisionDate { get; set; }
        public string? DecisionSigner { get; set; }
        public string RecordedBy { get; set; } = "";
        public string RecordedAt { get; set; } = "";

        public StoredProposalStep ToStep() => new(Id, Action, State, Note, FixedJson, DecisionNumber, SqliteText.ToNullableDate(DecisionDate),
            DecisionSigner, RecordedBy, SqliteText.ToInstant(RecordedAt));
    }
}
