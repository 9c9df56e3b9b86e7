using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Registrations;

/// <summary>
/// The registration for the campaign (đăng ký thi đua): a unit sends it, the City Office accepts or
/// returns it. Accepting sets the unit's registration date — what the award rule reads — through the
/// one unit-edit path, so the boards and the awards follow at once; each step is audited in its own
/// write's transaction. The API and the pages both come here.
/// </summary>
public sealed class RegistrationBook(EngineHost host, RegistrationRepository registrations, FigureIngestion ingestion, IAuditTrail audit, TimeProvider time)
{
    /// <summary>The source recorded with the unit edit an accepted registration makes.</summary>
    public const string Source = "registration";

    public const int MaxDocumentNumberLength = 100;
    public const int MaxReasonLength = 1000;

    /// <summary>Today in the campaign's time zone: the default date a registration is sent on.</summary>
    public DateOnly Today() => host.Today();

    public Task<Registration?> GetAsync(long id, CancellationToken cancellationToken = default) => registrations.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<Registration>> ListAsync(RegistrationStatus? status = null, CancellationToken cancellationToken = default) =>
        registrations.ListAsync(status, cancellationToken);

    public Task<Registration?> LatestForUnitAsync(string unit, CancellationToken cancellationToken = default) =>
        registrations.LatestForUnitAsync(unit, cancellationToken);

    /// <summary>Stores a unit's registration, waiting for the City Office.</summary>
    /// <param name="actor">Who sends it, with the units they may write (the caller has checked only their role).</param>
    /// <exception cref="UnitScopeException">The unit is outside the writer's scope; nothing is stored.</exception>
    /// <exception cref="AuditWriteException">Its audit entry could not be written; nothing is stored.</exception>
    public Task<Registration> SubmitAsync(string unit, string documentNumber, DateOnly documentDate, DateOnly submittedOn, WriteActor actor,
        CancellationToken cancellationToken = default)
    {
        FigureIngestion.Authorize(actor, [unit]);
        return registrations.SubmitAsync(unit, documentNumber.Trim(), documentDate, submittedOn, actor.Name, time.GetUtcNow(), cancellationToken,
            audit.EntryFor<Registration>(r => new AuditRecord(AuditKinds.RegistrationSubmit, actor.Name, actor.Address,
                $"Gửi đăng ký thi đua của {UnitName(unit)}: văn bản số {r.DocumentNumber}, gửi ngày {SqliteText.FromDate(r.SubmittedOn)}", $"registration/{r.Id}",
                Before: null, After: Describe(r))));
    }

    /// <summary>Accepts a registration: the unit's registration date becomes its <c>submittedOn</c>, in the same transaction.</summary>
    /// <returns>The registration as accepted, or null when there is none with this id.</returns>
    /// <exception cref="RegistrationDecidedException">It was decided already; nothing is stored.</exception>
    /// <exception cref="AuditWriteException">An audit entry could not be written; nothing is stored.</exception>
    public async Task<Registration?> AcceptAsync(long id, string? reason, WriteActor actor, CancellationToken cancellationToken = default)
    {
        if (await registrations.GetAsync(id, cancellationToken) is not { } sent) return null;
        if (sent.Status != RegistrationStatus.Submitted) throw new RegistrationDecidedException(sent);
        Registration? decided = null;
        var entry = audit.EntryFor<Registration>(r => new AuditRecord(AuditKinds.RegistrationAccept, actor.Name, actor.Address,
            $"Chấp nhận đăng ký thi đua của {UnitName(r.Unit)} (gửi ngày {SqliteText.FromDate(r.SubmittedOn)})", $"registration/{r.Id}",
            Before: Describe(sent), After: Describe(r)));
        // The City Office decides for any unit: its own scope does not limit which unit's date changes.
        await ingestion.SetRegistrationAsync(sent.Unit, sent.SubmittedOn, Source, WriteActor.Trusted(actor.Name, actor.Address), cancellationToken,
            with: async (connection, transaction, _) =>
            {
                decided = await RegistrationRepository.DecideAsync(connection, transaction, host.Key, id, RegistrationStatus.Accepted, Blank(reason), actor.Name,
                    time.GetUtcNow(), CancellationToken.None);
                if (entry is not null) await entry(connection, transaction, decided!);
            });
        return decided;
    }

    /// <summary>Returns a registration to its unit with the reason; the unit's registration date does not change.</summary>
    /// <returns>The registration as returned, or null when there is none with this id.</returns>
    /// <exception cref="RegistrationDecidedException">It was decided already; nothing is stored.</exception>
    /// <exception cref="AuditWriteException">Its audit entry could not be written; nothing is stored.</exception>
    public async Task<Registration?> ReturnAsync(long id, string reason, WriteActor actor, CancellationToken cancellationToken = default)
    {
        if (await registrations.GetAsync(id, cancellationToken) is not { } sent) return null;
        return await registrations.DecideAsync(id, RegistrationStatus.Returned, reason.Trim(), actor.Name, time.GetUtcNow(), cancellationToken,
            audit.EntryFor<Registration>(r => new AuditRecord(AuditKinds.RegistrationReturn, actor.Name, actor.Address,
                $"Trả lại đăng ký thi đua của {UnitName(r.Unit)}: {r.Reason}", $"registration/{r.Id}", Before: Describe(sent), After: Describe(r))));
    }

    /// <summary>
    /// An admin records (or clears, with null) a unit's registration date directly: a date is stored as a
    /// registration accepted at once, with the unit edit, in one transaction.
    /// </summary>
    /// <exception cref="UnitScopeException">The unit is outside the writer's scope; nothing is stored.</exception>
    /// <exception cref="AuditWriteException">An audit entry could not be written; nothing is stored.</exception>
    public Task<UnitInfo?> RecordAsync(string unit, DateOnly? registeredOn, string source, WriteActor actor, CancellationToken cancellationToken = default)
    {
        if (registeredOn is not { } date) return ingestion.SetRegistrationAsync(unit, null, source, actor, cancellationToken);
        var entry = audit.EntryFor<Registration>(r => new AuditRecord(AuditKinds.RegistrationAccept, actor.Name, actor.Address,
            $"Ghi nhận đăng ký thi đua của {UnitName(unit)} ngày {SqliteText.FromDate(date)}", $"registration/{r.Id}", Before: null, After: Describe(r)));
        return ingestion.SetRegistrationAsync(unit, date, source, actor, cancellationToken,
            with: async (connection, transaction, _) =>
            {
                var recorded = await RegistrationRepository.RecordAcceptedAsync(connection, transaction, host.Key, unit, date, actor.Name, time.GetUtcNow(), CancellationToken.None);
                if (entry is not null) await entry(connection, transaction, recorded);
            });
    }

    private string UnitName(string unit) => host.Engine.Unit(unit)?.Name ?? unit;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static object Describe(Registration r) => new
    {
        r.Unit, status = RegistrationRepository.Name(r.Status), r.DocumentNumber, documentDate = SqliteText.FromDate(r.DocumentDate),
        submittedOn = SqliteText.FromDate(r.SubmittedOn), r.DecidedBy, r.Reason,
    };
}
