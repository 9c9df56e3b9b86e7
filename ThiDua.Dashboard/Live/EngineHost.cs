using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Time;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Live;

/// <summary>
/// Owns the one live engine. It is rebuilt at start from what storage holds, resuming the stored
/// version, so a restart shows exactly what was shown before it.
/// </summary>
public sealed class EngineHost(
    IOptions<CampaignRules> rules, FigureRepository figures, AwardRepository awards, CityRatingRepository cityRatings, TimeProvider time, ILogger<EngineHost> logger,
    CampaignKey? key = null)
{
    /// <summary>The campaign this engine scores (its rows in storage).</summary>
    public CampaignKey Key { get; } = key ?? CampaignKey.First;

    private LeaderboardEngine? _engine;
    private long _lastChangedTicks;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<BoardKey, DateTimeOffset> _boardChangedAt = new();

    public Campaign Campaign { get; } = new(rules.Value);

    public CampaignRules Rules => Campaign.Rules;

    public bool IsLoaded => _engine is not null;

    public LeaderboardEngine Engine => _engine ?? throw new InvalidOperationException("The engine has not been loaded from storage yet.");

    /// <summary>Today in the campaign's time zone.</summary>
    public DateOnly Today() => CampaignCalendar.Today(Rules, time);

    /// <summary>An instant as the campaign's wall clock shows it (pages print times this way).</summary>
    public DateTime CampaignTime(DateTimeOffset instant) => CampaignCalendar.LocalTime(Rules, instant);

    /// <summary>The campaign's wall clock now.</summary>
    public DateTime CampaignNow() => CampaignTime(time.GetUtcNow());

    /// <summary>The default as-of date of every page and endpoint: today, clamped into the campaign period.</summary>
    public DateOnly DefaultAsOf() => CampaignCalendar.DefaultAsOf(Rules, time);

    /// <summary>When the stored data last changed (UTC); null before the first figure.</summary>
    public DateTimeOffset? LastChangedAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastChangedTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>When a board's entries last changed since start (UTC); before that, when the data last changed.</summary>
    public DateTimeOffset? BoardChangedAt(BoardKey board) => _boardChangedAt.TryGetValue(board, out var at) ? at : LastChangedAt;

    /// <summary>Called by the ingestion path after each committed change, with the boards it changed.</summary>
    public void MarkChanged(DateTimeOffset at, IEnumerable<BoardKey> boards)
    {
        Interlocked.Exchange(ref _lastChangedTicks, at.UtcTicks);
        foreach (var board in boards) _boardChangedAt[board] = at;
    }

    /// <summary>
    /// Applies a committed batch of figures at its stored version and notes when the boards changed. The one
    /// way figures reach the engine, whether this node committed them or another did (<see cref="ApplyOrder"/>).
    /// </summary>
    public ApplyResult ApplyFigures(IReadOnlyList<Figure> batch, long version, DateTimeOffset at) =>
        Changed(Engine.Apply(batch, version), at);

    /// <summary>Moves the live boards to a day at a committed version (the day turned here or on another node).</summary>
    public ApplyResult MoveBoards(DateOnly day, long version, DateTimeOffset at) => Changed(Engine.MoveTo(day, version), at);

    /// <summary>Replaces the units at a committed version (a unit edit here or on another node).</summary>
    public ApplyResult ReplaceUnits(IEnumerable<UnitInfo> units, long version, DateTimeOffset at) =>
        Changed(Engine.UpdateUnits(units, version), at);

    private ApplyResult Changed(ApplyResult result, DateTimeOffset at)
    {
        MarkChanged(at, result.ChangedBoards);
        return result;
    }

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await figures.ReadSnapshotAsync(cancellationToken);
        var engine = new LeaderboardEngine(Campaign, snapshot.Units, DefaultAsOf());
        engine.Load(snapshot.Figures.Select(f => f.Figure), snapshot.Version);
        engine.PrepareHistory();
        engine.SetDecisions(await ReadDecisionsAsync(cancellationToken));
        _engine = engine;
        if (snapshot.Figures.Count > 0) MarkChanged(snapshot.Figures.Max(f => f.ReceivedAt), []);
        logger.LogInformation("Engine loaded: {Units} units, {Figures} figures, version {Version}, boards as of {AsOf}",
            snapshot.Units.Count, snapshot.Figures.Count, snapshot.Version, engine.AsOf);
    }

    /// <summary>
    /// Gives the engine the City Office's current decisions (nominations, the city's 766 rating) as
    /// stored; the award book calls it after each committed decision.
    /// </summary>
    public async Task RefreshDecisionsAsync(CancellationToken cancellationToken = default) =>
        Engine.SetDecisions(await ReadDecisionsAsync(cancellationToken));

    private async Task<AwardDecisions> ReadDecisionsAsync(CancellationToken cancellationToken)
    {
        var nominations = await awards.CurrentNominationsAsync(cancellationToken);
        var rating = await cityRatings.CurrentAsync(cancellationToken);
        return new AwardDecisions([.. nominations.Select(n => new CommitteeNomination(n.Block, n.Slot, n.Unit))], rating.Rating);
    }
}
