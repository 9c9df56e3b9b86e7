using System.Data.Common;
using Dapper;

namespace ThiDua.Dashboard.Storage;

/// <summary>Where a registration stands: sent and waiting, or decided by the City Office.</summary>
public enum RegistrationStatus
{
    Submitted,
    Accepted,
    Returned,
}

/// <summary>A unit's registration for the campaign (đăng ký thi đua) and its decision, if any.</summary>
/// <param name="DocumentNumber">The registration document's number; null for a date recorded by an admin without a document.</param>
public sealed record Registration(
    long Id, string Unit, string? DocumentNumber, DateOnly? DocumentDate, DateOnly SubmittedOn, string SubmittedBy, DateTimeOffset RecordedAt,
    RegistrationStatus Status, string? DecidedBy, string? Reason, DateTimeOffset? DecidedAt);

/// <summary>Thrown inside a decision's transaction when the registration was decided already; nothing is stored.</summary>
public sealed class RegistrationDecidedException(Registration registration)
    : InvalidOperationException($"Registration {registration.Id} is already {registration.Status}.")
{
    public Registration Registration { get; } = registration;
}

/// <summary>
/// Registrations and their decisions, both append-only. The decision writes take the caller's
/// transaction: accepting one also changes the unit's registration date, in the same commit.
/// </summary>
public sealed class RegistrationRepository(Database database, CampaignKey campaign)
{
    private const string Select =
        """
        SELECT r.id AS Id, r.unit AS Unit, r.document_number AS DocumentNumber, r.document_date AS DocumentDate,
               r.submitted_on AS SubmittedOn, r.submitted_by AS SubmittedBy, r.recorded_at AS RecordedAt,
               d.decision AS Decision, d.decided_by AS DecidedBy, d.reason AS Reason, d.decided_at AS DecidedAt
        FROM registrations r LEFT JOIN registration_decisions d ON d.registration_id = r.id
        WHERE r.campaign_id = @CampaignId
        """;

    /// <summary>Stores a new registration, waiting for the City Office.</summary>
    /// <param name="alsoInTransaction">Committed with the row (its audit entry); if it throws, nothing is stored.</param>
    public async Task<Registration> SubmitAsync(string unit, string documentNumber, DateOnly documentDate, DateOnly submittedOn, string by, DateTimeOffset at,
        CancellationToken cancellationToken = default, AlsoInTransaction<Registration>? alsoInTransaction = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var id = await InsertAsync(connection, transaction, campaign, unit, documentNumber, documentDate, submittedOn, by, at, cancellationToken);
        var stored = (await ReadAsync(connection, transaction, campaign, id, cancellationToken))!;
        await transaction.CommitWithAsync(alsoInTransaction, stored);
        return stored;
    }

    /// <summary>The registration with this id, or null.</summary>
    public async Task<Registration?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, campaign, id, cancellationToken);
    }

    /// <summary>Every registration (or those in one status), newest first.</summary>
    public async Task<IReadOnlyList<Registration>> ListAsync(RegistrationStatus? status = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + "\nAND (@Decision IS NULL OR coalesce(d.decision, 'submitted') = @Decision)\nORDER BY r.id DESC;",
            new { CampaignId = campaign.Id, Decision = status is { } s ? Name(s) : null }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRegistration())];
    }

    /// <summary>The unit's latest registration, or null when it has sent none.</summary>
    public async Task<Registration?> LatestForUnitAsync(string unit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Select + "\nAND r.unit = @Unit ORDER BY r.id DESC LIMIT 1;", new { CampaignId = campaign.Id, Unit = unit }, cancellationToken: cancellationToken));
        return row?.ToRegistration();
    }

    /// <summary>Records the decision inside the caller's transaction.</summary>
    /// <returns>The registration as decided, or null when there is no such registration.</returns>
    /// <exception cref="RegistrationDecidedException">It was decided already; the caller's transaction must not commit.</exception>
    public static async Task<Registration?> DecideAsync(DbConnection connection, DbTransaction transaction, CampaignKey campaign, long id, RegistrationStatus decision,
        string? reason, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var current = await ReadAsync(connection, transaction, campaign, id, cancellationToken);
        if (current is null) return null;
        if (current.Status != RegistrationStatus.Submitted) throw new RegistrationDecidedException(current);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO registration_decisions (registration_id, decision, reason, decided_by, decided_at)
            VALUES (@Id, @Decision, @Reason, @By, @At);
            """,
            new { Id = id, Decision = Name(decision), Reason = reason, By = by, At = SqliteText.FromInstant(at) }, transaction, cancellationToken: cancellationToken));
        return await ReadAsync(connection, transaction, campaign, id, cancellationToken);
    }

    /// <summary>Decides a registration in a transaction of its own (a return: the unit is not touched).</summary>
    /// <param name="alsoInTransaction">Committed with the decision (its audit entry); if it throws, nothing is stored.</param>
    /// <exception cref="RegistrationDecidedException">It was decided already; nothing is stored.</exception>
    public async Task<Registration?> DecideAsync(long id, RegistrationStatus decision, string? reason, string by, DateTimeOffset at,
        CancellationToken cancellationToken = default, AlsoInTransaction<Registration>? alsoInTransaction = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var decided = await DecideAsync(connection, transaction, campaign, id, decision, reason, by, at, cancellationToken);
        if (decided is null) return null;
        await transaction.CommitWithAsync(alsoInTransaction, decided);
        return decided;
    }

    /// <summary>Stores a registration accepted at once (an admin records the date), inside the caller's transaction.</summary>
    public static async Task<Registration> RecordAcceptedAsync(DbConnection connection, DbTransaction transaction, CampaignKey campaign, string unit, DateOnly submittedOn,
        string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var id = await InsertAsync(connection, transaction, campaign, unit, null, null, submittedOn, by, at, cancellationToken);
        return (await DecideAsync(connection, transaction, campaign, id, RegistrationStatus.Accepted, null, by, at, cancellationToken))!;
    }

    /// <summary>The status as the API and the database spell it.</summary>
    public static string Name(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Accepted => "accepted",
        RegistrationStatus.Returned => "returned",
        _ => "submitted",
    };

    public static bool TryParse(string? text, out RegistrationStatus status)
    {
        (var known, status) = text switch
        {
            "submitted" => (true, RegistrationStatus.Submitted),
            "accepted" => (true, RegistrationStatus.Accepted),
            "returned" => (true, RegistrationStatus.Returned),
            _ => (false, RegistrationStatus.Submitted),
        };
        return known;
    }

    private static Task<long> InsertAsync(DbConnection connection, DbTransaction transaction, CampaignKey campaign, string unit, string? documentNumber, DateOnly? documentDate,
        DateOnly submittedOn, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO registrations (campaign_id, unit, document_number, document_date, submitted_on, submitted_by, recorded_at)
            VALUES (@CampaignId, @Unit, @DocumentNumber, @DocumentDate, @SubmittedOn, @By, @At)
            RETURNING id;
            """,
            new
            {
                CampaignId = campaign.Id, Unit = unit, DocumentNumber = documentNumber, DocumentDate = SqliteText.FromDate(documentDate), SubmittedOn = SqliteText.FromDate(submittedOn),
                By = by, At = SqliteText.FromInstant(at),
            },
            transaction, cancellationToken: cancellationToken));

    private static async Task<Registration?> ReadAsync(DbConnection connection, DbTransaction? transaction, CampaignKey campaign, long id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Select + "\nAND r.id = @Id;", new { CampaignId = campaign.Id, Id = id }, transaction, cancellationToken: cancellationToken));
        return row?.ToRegistration();
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public string Unit { get; set; } = "";
        public string? DocumentNumber { get; set; }
        public string? DocumentDate { get; set; }
        public string SubmittedOn { get; set; } = "";
        public string SubmittedBy { get; set; } = "";
        public string RecordedAt { get; set; } = "";
        public string? Decision { get; set; }
        public string? DecidedBy { get; set; }
        public string? Reason { get; set; }
        public string? DecidedAt { get; set; }

        public Registration ToRegistration() => new(
            Id, Unit, DocumentNumber, SqliteText.ToNullableDate(DocumentDate), SqliteText.ToDate(SubmittedOn), SubmittedBy, SqliteText.ToInstant(RecordedAt),
            TryParse(Decision, out var status) ? status : RegistrationStatus.Submitted, DecidedBy, Reason,
            DecidedAt is null ? null : SqliteText.ToInstant(DecidedAt));
    }
}
