using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Ingestion;

/// <summary>
/// The one way figures come in — API, file import, entry form, demo feed: validate (all or
/// nothing), store in one transaction, apply to the engine, then publish. Writes take this node's turn
/// (<see cref="ApplyOrder"/>) so the stored version and the engine version advance together, batch by
/// batch, with any batch another node committed just before applied first.
/// </summary>
public sealed class FigureIngestion(
    EngineHost host,
    FigureRepository figures,
    UnitRepository units,
    ILeaderboardPublisher publisher,
    TimeProvider time,
    ILogger<FigureIngestion> logger,
    IAuditTrail? audit = null,
    Metrics.ThiDuaMetrics? metrics = null,
    ApplyOrder? order = null)
{
    private readonly ApplyOrder _order = order ?? ApplyOrder.Alone();

    /// <summary>The checks every way in applies, with the same Vietnamese messages.</summary>
    public IReadOnlyList<FigureError> Validate(IReadOnlyList<Figure> batch) =>
        FigureValidator.Validate(host.Campaign, host.Engine.Unit, batch, host.Today());

    /// <summary>Figures below the one in effect for the same unit and content: warnings to confirm, never refusals.</summary>
    public IReadOnlyList<FigureError> LowerThanReported(IReadOnlyList<Figure> batch) => LowerFigures.Find(host.Engine, batch);

    /// <param name="source">'api', the import file's name, 'form' or 'demo'.</param>
    /// <param name="by">The API key's name or the user.</param>
    public Task<IngestionResult> SubmitAsync(IReadOnlyList<Figure> batch, string source, string by, CancellationToken cancellationToken = default) =>
        SubmitAsync(batch, source, WriteActor.Trusted(by), cancellationToken);

    /// <summary>
    /// The one scope rule of every write (figures, imports, registrations, unit edits): a writer limited
    /// to some units may touch only those. Callers pass who writes; they never check it themselves.
    /// </summary>
    /// <exception cref="UnitScopeException">Some of the units are outside the writer's scope.</exception>
    public static void Authorize(WriteActor actor, IEnumerable<string> units)
    {
        if (actor.Scope.Outside(units) is { Count: > 0 } outside) throw new UnitScopeException(outside);
    }

    /// <summary>As above, for a writer limited to some units and seen from an address (both audited).</summary>
    /// <param name="file">When the batch is an imported file: its fingerprint, audited with the batch in the same transaction.</param>
    /// <exception cref="UnitScopeException">A figure names a unit outside the writer's scope; nothing is stored.</exception>
    /// <exception cref="AuditWriteException">The batch's audit entry could not be written; nothing is stored.</exception>
    public async Task<IngestionResult> SubmitAsync(IReadOnlyList<Figure> batch, string source, WriteActor actor, CancellationToken cancellationToken = default,
        ImportedFile? file = null)
    {
        Authorize(actor, batch.Select(f => f.Unit));
        var by = actor.Name;
        var engine = host.Engine;
        if (batch.Count == 0)
            return IngestionResult.Rejected([new FigureError(-1, "", "Lô số liệu không có dòng nào.")], engine.Version);
        var errors = Validate(batch);
        if (errors.Count > 0) { metrics?.Refused(batch.Count); return IngestionResult.Rejected(errors, engine.Version); }

        ApplyResult applied;
        var turn = await _order.EnterAsync(cancellationToken);
        try
        {
            var receivedAt = time.GetUtcNow();
            var commitStarted = System.Diagnostics.Stopwatch.GetTimestamp();
            // The batch's audit entry is committed with the figures: one durable commit, and no
            // crash can leave stored figures without their entry.
            StoredBatch stored;
            try
            {
                stored = await figures.AppendBatchAsync(batch, source, by, receivedAt, CancellationToken.None,
                    audit.EntryFor<StoredBatch>(storedBatch => new AuditRecord(AuditKinds.Figures, actor.Name, actor.Address,
                        $"{batch.Count} số liệu, nguồn {source}, phiên bản {storedBatch.Version}", Subject: source,
                        After: new { count = batch.Count, source, version = storedBatch.Version, units = batch.Select(f => f.Unit).Distinct().Take(50).ToList() }))
                    .Then(file is null ? null : audit.EntryFor<StoredBatch>(storedBatch => file.AuditRecord(source, actor, storedBatch.Version))));
            }
            catch (System.Data.Common.DbException closed) when (ClosedCampaignWrite.Is(closed))
            {
                // A page's entry form or file import into a closed campaign: the same refusal as a bad batch, nothing stored.
                return IngestionResult.Rejected([new FigureError(-1, "", ClosedCampaignWrite.Message)], engine.Version);
            }
            // The stored version, not the engine's next: versions are shared by every campaign (and nodes).
            await turn.CatchUpAsync(stored.Version, CancellationToken.None);
            applied = host.ApplyFigures(batch, stored.Version, receivedAt);
            turn.Applied(stored.Version);
            CheckVersion(stored.Version, applied.Version);
            metrics?.Accepted(batch.Count, commitStarted);
        }
        finally
        {
            turn.Dispose();
        }
        // Outside the write lock: a slow screen never holds up the next writer.
        publisher.Publish(applied);
        return new IngestionResult(batch.Count, applied.Version, [], applied);
    }

    /// <summary>Records (or clears) a unit's registration date: stored, audited as a version, and applied.</summary>
    public Task<UnitInfo?> SetRegistrationAsync(string code, DateOnly? registeredOn, string source, string by, CancellationToken cancellationToken = default) =>
        SetRegistrationAsync(code, registeredOn, source, WriteActor.Trusted(by), cancellationToken);

    /// <exception cref="UnitScopeException">The unit is outside the writer's scope; nothing is stored.</exception>
    /// <exception cref="AuditWriteException">The edit's audit entry could not be written; nothing is stored (true of every unit edit).</exception>
    /// <param name="with">Committed in the edit's transaction even when the date does not change: the registration
    /// (and its audit entry) that sets the date; if it throws, nothing is stored and the exception comes out.</param>
    public Task<UnitInfo?> SetRegistrationAsync(string code, DateOnly? registeredOn, string source, WriteActor actor, CancellationToken cancellationToken = default,
        AlsoInTransaction<UnitUpdate>? with = null) =>
        UpdateUnitAsync(code, AuditKinds.UnitRegistration, "Ngày đăng ký thi đua", actor,
            (at, ct, audited) => units.SetRegistrationDateAsync(code, registeredOn, source, actor.Name, at, ct, audited, with), cancellationToken);

    /// <summary>Records (or clears) the City Office's Nghị quyết 02 assessment of a unit: stored, audited as a version, and applied.</summary>
    /// <exception cref="AuditWriteException">The edit's audit entry could not be written; nothing is stored.</exception>
    public Task<UnitInfo?> SetNq02Async(string code, Nq02Assessment? assessment, string? note, string source, WriteActor actor, CancellationToken cancellationToken = default) =>
        UpdateUnitAsync(code, AuditKinds.UnitStandard, "Đánh giá tiêu chí Nghị quyết 02/NQ-CP", actor,
            (at, ct, audited) => units.SetNq02Async(code, assessment, note, source, actor.Name, at, ct, audited), cancellationToken);

    /// <summary>Renames a unit (admin page); the boards show the new name at once.</summary>
    public Task<UnitInfo?> RenameUnitAsync(string code, string name, string source, WriteActor actor, CancellationToken cancellationToken = default) =>
        UpdateUnitAsync(code, AuditKinds.UnitRename, "Đổi tên đơn vị", actor,
            (at, ct, audited) => units.RenameAsync(code, name, source, actor.Name, at, ct, audited), cancellationToken);

    /// <summary>Sets a unit's active range and the unit it merged into (admin page); the boards change at once.</summary>
    public Task<UnitInfo?> SetActiveRangeAsync(string code, DateOnly? activeFrom, DateOnly? activeTo, string? mergedInto, string source, WriteActor actor, CancellationToken cancellationToken = default) =>
        UpdateUnitAsync(code, AuditKinds.UnitActiveRange, "Thời gian hoạt động / sáp nhập", actor,
            (at, ct, audited) => units.SetActiveRangeAsync(code, activeFrom, activeTo, mergedInto, source, actor.Name, at, ct, audited), cancellationToken);

    /// <summary>
    /// One unit edit: stored with its version and its audit entry in one transaction, then applied to
    /// the engine in this node's turn, then published. An edit that changes nothing is neither
    /// versioned nor audited.
    /// </summary>
    private async Task<UnitInfo?> UpdateUnitAsync(
        string code, string kind, string what, WriteActor actor,
        Func<DateTimeOffset, CancellationToken, AlsoInTransaction<UnitUpdate>?, Task<UnitUpdate?>> update, CancellationToken cancellationToken)
    {
        Authorize(actor, [code]);
        ApplyResult? applied = null;
        UnitInfo? unit;
        var turn = await _order.EnterAsync(cancellationToken);
        try
        {
            var before = host.Engine.Unit(code);
            // Throws (and stores nothing, so the engine is left as it is) when the entry cannot be written.
            var stored = await update(time.GetUtcNow(), CancellationToken.None,
                audit.EntryFor<UnitUpdate>(edit => new AuditRecord(kind, actor.Name, actor.Address,
                    $"{what}: {code}, phiên bản {edit.Version}", Subject: code, Before: before, After: edit.Unit)));
            if (stored is null) return null;
            unit = stored.Unit;
            if (stored.Changed)
            {
                await turn.CatchUpAsync(stored.Version, CancellationToken.None);
                applied = host.ReplaceUnits(host.Engine.Units.Select(u => u.Code == code ? stored.Unit : u), stored.Version, time.GetUtcNow());
                turn.Applied(stored.Version);
                CheckVersion(stored.Version, applied.Version);
            }
        }
        finally
        {
            turn.Dispose();
        }
        if (applied is not null) publisher.Publish(applied);
        return unit;
    }

    /// <summary>
    /// Moves the live boards to today (in the campaign's time zone, clamped to the period) when
    /// the day has turned; the change is stored as a version like any other, so versions never
    /// go down across a restart.
    /// </summary>
    /// <returns>True when the boards moved.</returns>
    public async Task<bool> MoveToTodayAsync(CancellationToken cancellationToken = default)
    {
        ApplyResult applied;
        var turn = await _order.EnterAsync(cancellationToken);
        try
        {
            // Another node may have moved the boards already: then this one follows its version instead of adding one.
            await turn.CatchUpAsync(before: null, CancellationToken.None);
            var today = host.DefaultAsOf();
            if (host.Engine.AsOf == today) return false;
            var now = time.GetUtcNow();
            var stored = await figures.RecordVersionBumpAsync(DayMoveReason.For(today), "system", "hệ thống", now, CancellationToken.None);
            await turn.CatchUpAsync(stored.Version, CancellationToken.None);
            applied = host.MoveBoards(today, stored.Version, now);
            turn.Applied(stored.Version);
            CheckVersion(stored.Version, applied.Version);
        }
        finally
        {
            turn.Dispose();
        }
        publisher.Publish(applied);
        return true;
    }

    private void CheckVersion(long stored, long applied)
    {
        // Both counters start from the stored version and step once per batch in this node's turn;
        // a difference means a bug, and the log is where an operator would look for it.
        if (stored != applied)
            logger.LogError("Engine version {Applied} differs from stored version {Stored}", applied, stored);
    }
}
