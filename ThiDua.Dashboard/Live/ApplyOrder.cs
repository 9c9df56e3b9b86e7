using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Live;

namespace ThiDua.Dashboard.Live;

/// <summary>
/// The one ordered way this node's engines take committed batches, whoever committed them: its own writers
/// (<see cref="FigureIngestion"/>) and the batches other nodes committed (<see cref="VersionFollower"/>) go
/// through one lock, in version order, so no batch is applied twice or skipped. Each loaded engine is known
/// with the version through which it reflects every batch: the version its snapshot was read at when it is
/// first met, then each batch after it — its own campaign's applied, the others' just passed.
/// </summary>
/// <remarks>
/// Decisions of the committee (nominations, individuals, the city's rating, proposal steps, minutes) raise no
/// version; the follower compares a mark of them per campaign (<see cref="BatchFeed.ReadDecisionMarksAsync"/>)
/// and, when it moved, gives the engine the stored decisions again and pushes "decisions changed".
/// </remarks>
public sealed class ApplyOrder
{
    private const int PageSize = 500;

    private readonly IServiceProvider? _root;
    private readonly Database? _database;
    private readonly CampaignEngines? _engines;
    private readonly ILogger<ApplyOrder>? _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<EngineHost, long> _through = [];
    private readonly Dictionary<EngineHost, long> _decisions = [];
    private long _applied;

    /// <param name="engines">Every campaign's engines; without campaigns (services wired by hand), the one engine of <paramref name="root"/>.</param>
    public ApplyOrder(IServiceProvider root, Database database, ILogger<ApplyOrder> logger, CampaignEngines? engines = null)
    {
        _root = root;
        _database = database;
        _logger = logger;
        _engines = engines;
    }

    /// <summary>An order for an engine nobody else writes to (services made by hand in a test): the lock alone.</summary>
    private ApplyOrder()
    {
    }

    internal static ApplyOrder Alone() => new();

    /// <summary>The version through which every engine of this node has applied every batch (0 before the first catch-up).</summary>
    public long AppliedVersion => Interlocked.Read(ref _applied);

    /// <summary>Waits for this node's turn to apply; dispose the turn to release it and send its pushes.</summary>
    public async Task<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Turn(this);
    }

    /// <summary>
    /// Applies every batch committed since this node's version; with <paramref name="everything"/>, first reads the
    /// campaigns again if another node changed them and afterwards the committee's decisions if they moved.
    /// </summary>
    public async Task FollowAsync(bool everything, CancellationToken cancellationToken)
    {
        if (everything && _engines is not null) await _engines.FollowCatalogAsync(cancellationToken);
        using var turn = await EnterAsync(cancellationToken);
        await turn.CatchUpAsync(before: null, cancellationToken);
        if (everything) await FollowDecisionsAsync(turn, cancellationToken);
    }

    /// <summary>One holder of the lock. Pushes it collects go out when it is disposed, after the lock is released.</summary>
    public sealed class Turn : IDisposable
    {
        private readonly ApplyOrder _owner;
        private readonly List<Action> _pushes = [];
        private bool _disposed;

        internal Turn(ApplyOrder owner) => _owner = owner;

        /// <summary>
        /// Applies the batches committed (here or elsewhere) before <paramref name="before"/>, or every one so far when null.
        /// A writer that has just committed version V calls it with V, so the batches before its own are applied first.
        /// </summary>
        public Task CatchUpAsync(long? before, CancellationToken cancellationToken) => _owner.CatchUpAsync(before, this, cancellationToken);

        /// <summary>This node applied its own batch <paramref name="version"/> after <see cref="CatchUpAsync"/> up to it: every engine is through it.</summary>
        public void Applied(long version) => _owner.Passed(version);

        internal void Push(Action push) => _pushes.Add(push);

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _owner._gate.Release();
            // Outside the lock: a slow screen never holds up the next writer.
            foreach (var push in _pushes) push();
        }
    }

    private sealed record Target(EngineHost Host, CampaignKey Key, IServiceProvider Services)
    {
        public static Target Of(IServiceProvider services) =>
            new(services.GetRequiredService<EngineHost>(), services.GetRequiredService<CampaignKey>(), services);
    }

    private List<Target> Targets()
    {
        IEnumerable<IServiceProvider> all = _engines is not null ? _engines.Loaded() : _root is null ? [] : [_root];
        var targets = all.Select(Target.Of).Where(t => t.Host.IsLoaded).ToList();
        // Forget dropped engines; meet new ones at the version their snapshot was read at.
        foreach (var gone in _through.Keys.Where(h => !targets.Any(t => ReferenceEquals(t.Host, h))).ToList())
        {
            _through.Remove(gone);
            _decisions.Remove(gone);
        }
        foreach (var target in targets) _through.TryAdd(target.Host, target.Host.Engine.Version);
        return targets;
    }

    private async Task CatchUpAsync(long? before, Turn turn, CancellationToken cancellationToken)
    {
        if (_database is null) return;
        var targets = Targets();
        if (targets.Count == 0) return;
        var from = _through.Values.Min();
        while (before is not { } limit || from < limit - 1)
        {
            IReadOnlyList<FollowedBatch> batches;
            await using (var connection = await _database.OpenAsync(cancellationToken))
                batches = await BatchFeed.ReadAfterAsync(connection, from, PageSize, cancellationToken);
            var done = batches.Count < PageSize;
            foreach (var batch in batches)
            {
                if (batch.Version >= before) { done = true; break; }
                if (batch.Version != from + 1)
                    _logger?.LogError("Batch version {Version} follows {Previous}: versions were skipped in storage", batch.Version, from);
                foreach (var target in targets.Where(t => _through[t.Host] < batch.Version))
                {
                    if (target.Key.Id == batch.CampaignId) await ApplyAsync(target, batch, turn, cancellationToken);
                    _through[target.Host] = Math.Max(batch.Version, target.Host.Engine.Version);
                }
                from = batch.Version;
            }
            if (done) break;
        }
        Interlocked.Exchange(ref _applied, _through.Values.Min());
    }

    private void Passed(long version)
    {
        foreach (var host in _through.Keys.ToList()) _through[host] = Math.Max(_through[host], version);
        if (_through.Count > 0) Interlocked.Exchange(ref _applied, _through.Values.Min());
    }

    /// <summary>A batch another node committed, applied as its writer applied it there, then pushed the same way.</summary>
    private async Task ApplyAsync(Target target, FollowedBatch batch, Turn turn, CancellationToken cancellationToken)
    {
        var publisher = target.Services.GetRequiredService<ILeaderboardPublisher>();
        ApplyResult result;
        try
        {
            if (batch.Figures.Count > 0) result = target.Host.ApplyFigures(batch.Figures, batch.Version, batch.ReceivedAt);
            else if (DayMoveReason.TryRead(batch.Reason, out var day)) result = target.Host.MoveBoards(day, batch.Version, batch.ReceivedAt);
            // A unit edit: the stored units as they are now (a later edit of another unit shows a version early; the next catches up).
            else result = target.Host.ReplaceUnits(await target.Services.GetRequiredService<UnitRepository>().GetAllAsync(cancellationToken), batch.Version, batch.ReceivedAt);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // Something this engine cannot take (a unit another node added without a version): rebuilt from storage,
            // so it shows what the database holds rather than stopping every later batch.
            _logger?.LogError(exception, "Batch version {Version} of campaign {Campaign} could not be applied; the engine is rebuilt from storage",
                batch.Version, batch.CampaignId);
            await target.Host.LoadAsync(cancellationToken);
            var engine = target.Host.Engine;
            result = new ApplyResult(engine.Version, [.. engine.Current().Boards.Select(b => b.Key)], []) { UnitsChanged = true };
        }
        turn.Push(() => publisher.Publish(result));
    }

    private async Task FollowDecisionsAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (_database is null) return;
        var targets = Targets();
        if (targets.Count == 0) return;
        IReadOnlyDictionary<long, long> marks;
        await using (var connection = await _database.OpenAsync(cancellationToken))
            marks = await BatchFeed.ReadDecisionMarksAsync(connection, cancellationToken);
        foreach (var target in targets)
        {
            var mark = marks.GetValueOrDefault(target.Key.Id);
            var known = _decisions.TryGetValue(target.Host, out var seen);
            if (known && seen == mark) continue;
            _decisions[target.Host] = mark;
            // Met for the first time: refreshed in case a decision came between its load and now, without a push.
            await target.Host.RefreshDecisionsAsync(cancellationToken);
            if (known)
            {
                var notifier = target.Services.GetRequiredService<LeaderboardNotifier>();
                turn.Push(notifier.PublishDecisions);
            }
        }
    }
}
