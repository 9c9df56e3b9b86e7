using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Ingestion;

/// <summary>
/// The one way figures come in — API, file import, entry form, demo feed: validate (all or
/// nothing), store in one transaction, apply to the engine, then publish. Writes are serialised
/// so the stored version and the engine version advance together, batch by batch.
/// </summary>
public sealed class FigureIngestion(
    EngineHost host,
    FigureRepository figures,
    UnitRepository units,
    ILeaderboardPublisher publisher,
    TimeProvider time,
    ILogger<FigureIngestion> logger)
{
    private readonly SemaphoreSlim _write = new(1, 1);

    /// <summary>The checks every way in applies, with the same Vietnamese messages.</summary>
    public IReadOnlyList<FigureError> Validate(IReadOnlyList<Figure> batch) =>
        FigureValidator.Validate(host.Campaign, host.Engine.Unit, batch, host.Today());

    /// <param name="source">'api', the import file's name, 'form' or 'demo'.</param>
    /// <param name="by">The API key's name or the user.</param>
    public async Task<IngestionResult> SubmitAsync(IReadOnlyList<Figure> batch, string source, string by, CancellationToken cancellationToken = default)
    {
        var engine = host.Engine;
        if (batch.Count == 0)
            return IngestionResult.Rejected([new FigureError(-1, "", "Lô số liệu không có dòng nào.")], engine.Version);
        var errors = Validate(batch);
        if (errors.Count > 0) return IngestionResult.Rejected(errors, engine.Version);

        ApplyResult applied;
        await _write.WaitAsync(cancellationToken);
        try
        {
            var receivedAt = time.GetUtcNow();
            var stored = await figures.AppendBatchAsync(batch, source, by, receivedAt, CancellationToken.None);
            applied = engine.Apply(batch);
            host.MarkChanged(receivedAt, applied.ChangedBoards);
            CheckVersion(stored.Version, applied.Version);
        }
        finally
        {
            _write.Release();
        }
        // Outside the write lock: a slow screen never holds up the next writer.
        publisher.Publish(applied);
        return new IngestionResult(batch.Count, applied.Version, [], applied);
    }

    /// <summary>Records (or clears) a unit's registration date: stored, audited as a version, and applied.</summary>
    public async Task<UnitInfo?> SetRegistrationAsync(string code, DateOnly? registeredOn, string source, string by, CancellationToken cancellationToken = default)
    {
        ApplyResult? applied = null;
        UnitInfo? unit;
        await _write.WaitAsync(cancellationToken);
        try
        {
            var update = await units.SetRegistrationDateAsync(code, registeredOn, source, by, time.GetUtcNow(), CancellationToken.None);
            if (update is null) return null;
            unit = update.Unit;
            if (update.Changed)
            {
                var engine = host.Engine;
                applied = engine.UpdateUnits(engine.Units.Select(u => u.Code == code ? update.Unit : u));
                host.MarkChanged(time.GetUtcNow(), applied.ChangedBoards);
                CheckVersion(update.Version, applied.Version);
            }
        }
        finally
        {
            _write.Release();
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
        await _write.WaitAsync(cancellationToken);
        try
        {
            var engine = host.Engine;
            var today = host.DefaultAsOf();
            if (engine.AsOf == today) return false;
            var now = time.GetUtcNow();
            var stored = await figures.RecordVersionBumpAsync($"live boards moved to {today:yyyy-MM-dd}", "system", "hệ thống", now, CancellationToken.None);
            applied = engine.MoveTo(today);
            CheckVersion(stored.Version, applied.Version);
            host.MarkChanged(now, applied.ChangedBoards);
        }
        finally
        {
            _write.Release();
        }
        publisher.Publish(applied);
        return true;
    }

    private void CheckVersion(long stored, long applied)
    {
        // Both counters start from the stored version and step once per batch under the write lock;
        // a difference means a bug, and the log is where an operator would look for it.
        if (stored != applied)
            logger.LogError("Engine version {Applied} differs from stored version {Stored}", applied, stored);
    }
}
