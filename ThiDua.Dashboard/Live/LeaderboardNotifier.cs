using Microsoft.Extensions.Options;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Ranking;

namespace ThiDua.Dashboard.Live;

/// <summary>
/// Between the engine and every screen. Each board is pushed at most once per interval: its
/// first change after a quiet interval goes out at once (leading edge), later changes within the
/// interval fold into one trailing push. Boards are timed separately, so a change on one board never
/// waits behind a push of another, an import of 50,000 rows makes a handful of renders, and a lone
/// figure meets no added delay. Callbacks run outside any lock and their exceptions are logged,
/// never thrown into the writer. The committee's award decisions go out through here too
/// (<see cref="PublishDecisions"/>), so pages, the layout and the hub hear of every change one way.
/// </summary>
/// <param name="campaign">The campaign whose engine this notifier stands in front of; its code goes with every push.</param>
public sealed class LeaderboardNotifier(IOptions<LiveOptions> options, TimeProvider time, ILogger<LeaderboardNotifier> logger,
    Campaigns.CampaignRecord? campaign = null)
    : ILeaderboardPublisher, IDisposable
{
    private readonly string _campaign = campaign?.Code ?? "";
    private readonly Lock _lock = new();
    private readonly TimeSpan _interval = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.CoalesceMilliseconds));
    private readonly List<Subscription> _subscribers = [];
    private readonly Dictionary<BoardKey, Pace> _boards = [];
    // Unit edits (award eligibility) are paced like one more board.
    private readonly Pace _units = new();
    private long _version;
    private ITimer? _timer;
    private long _timerDue = long.MaxValue;
    private bool _disposed;

    /// <summary>When a board (or the unit list) was last pushed, and whether a trailing push is owed.</summary>
    private sealed class Pace
    {
        public long LastPush = long.MinValue;
        public bool Pending;
    }

    public int SubscriberCount { get { lock (_lock) return _subscribers.Count; } }

    /// <summary>Registers a callback for every push; dispose the result to stop receiving them.</summary>
    public IDisposable Subscribe(Func<LeaderboardUpdate, Task> callback)
    {
        var subscription = new Subscription(this, callback);
        lock (_lock) _subscribers.Add(subscription);
        return subscription;
    }

    /// <summary>
    /// Tells every subscriber the committee's decisions changed; called by the writer after its commit.
    /// Not paced: decisions are single clicks by people, never bursts, and the deciding page expects to
    /// see its own decision at once. Subscribers' failures are logged, never thrown back here.
    /// </summary>
    public void PublishDecisions() => PublishWithoutBoards(new LeaderboardUpdate(0, new HashSet<BoardKey>(), DecisionsChanged: true, Campaign: _campaign));

    /// <summary>Tells subscribers the campaigns changed (<see cref="LeaderboardUpdate.CampaignsChanged"/>); no board moved.</summary>
    public void PublishCampaigns() => PublishWithoutBoards(new LeaderboardUpdate(0, new HashSet<BoardKey>(), Campaign: _campaign, CampaignsChanged: true));

    private void PublishWithoutBoards(LeaderboardUpdate update)
    {
        long version;
        lock (_lock)
        {
            if (_disposed) return;
            version = _version;
        }
        Dispatch(update with { Version = version });
    }

    public void Publish(ApplyResult result)
    {
        if (result.ChangedBoards.Count == 0 && !result.UnitsChanged) return;
        LeaderboardUpdate? now = null;
        lock (_lock)
        {
            if (_disposed) return;
            _version = Math.Max(_version, result.Version);
            var at = time.GetTimestamp();
            HashSet<BoardKey>? leading = null;
            foreach (var board in result.ChangedBoards)
            {
                if (!_boards.TryGetValue(board, out var pace)) _boards[board] = pace = new Pace();
                if (Lead(pace, at)) (leading ??= []).Add(board);
            }
            var unitsLeading = result.UnitsChanged && Lead(_units, at);
            if (leading is not null || unitsLeading)
                now = new LeaderboardUpdate(_version, leading ?? [], unitsLeading, Campaign: _campaign);
        }
        if (now is not null) Dispatch(now);
    }

    /// <summary>True when the change goes out now; otherwise it is owed as a trailing push.</summary>
    private bool Lead(Pace pace, long at)
    {
        if (pace.Pending) return false; // a trailing push is already due, and the timer set for it
        if (pace.LastPush == long.MinValue || time.GetElapsedTime(pace.LastPush, at) >= _interval)
        {
            pace.LastPush = at;
            return true;
        }
        pace.Pending = true;
        ArmTimer(DueAt(pace), at);
        return false;
    }

    /// <summary>One timer, set for the earliest trailing push owed: moved only when <paramref name="due"/> is earlier.</summary>
    private void ArmTimer(long due, long at)
    {
        if (due == long.MaxValue || due >= _timerDue) return;
        _timer?.Dispose();
        _timerDue = due;
        var wait = due <= at ? TimeSpan.Zero : time.GetElapsedTime(at, due);
        _timer = time.CreateTimer(_ => Flush(), null, wait, Timeout.InfiniteTimeSpan);
    }

    private long DueAt(Pace pace) => pace.LastPush + (long)(_interval.TotalSeconds * time.TimestampFrequency);

    private void Flush()
    {
        LeaderboardUpdate? update = null;
        lock (_lock)
        {
            if (_disposed) return;
            _timer?.Dispose();
            _timer = null;
            _timerDue = long.MaxValue;
            var at = time.GetTimestamp();
            // Every board whose interval is over goes out in this one push; the rest wait for their own time.
            HashSet<BoardKey>? boards = null;
            var next = long.MaxValue;
            foreach (var (board, pace) in _boards)
            {
                if (Trail(pace, at)) (boards ??= []).Add(board);
                else if (pace.Pending) next = Math.Min(next, DueAt(pace));
            }
            var units = Trail(_units, at);
            if (!units && _units.Pending) next = Math.Min(next, DueAt(_units));
            if (boards is not null || units) update = new LeaderboardUpdate(_version, boards ?? [], units, Campaign: _campaign);
            ArmTimer(next, at);
        }
        if (update is not null) Dispatch(update);
    }

    private bool Trail(Pace pace, long at)
    {
        if (!pace.Pending || DueAt(pace) > at) return false;
        pace.Pending = false;
        pace.LastPush = at;
        return true;
    }

    private void Dispatch(LeaderboardUpdate update)
    {
        Subscription[] subscribers;
        lock (_lock) subscribers = [.. _subscribers];
        foreach (var subscriber in subscribers)
            _ = Invoke(subscriber, update);
    }

    private async Task Invoke(Subscription subscriber, LeaderboardUpdate update)
    {
        try
        {
            await subscriber.Callback(update);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "A leaderboard subscriber failed on version {Version}", update.Version);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
            _timerDue = long.MaxValue;
            _subscribers.Clear();
        }
    }

    private sealed class Subscription(LeaderboardNotifier owner, Func<LeaderboardUpdate, Task> callback) : IDisposable
    {
        public Func<LeaderboardUpdate, Task> Callback { get; } = callback;

        public void Dispose()
        {
            lock (owner._lock) owner._subscribers.Remove(this);
        }
    }
}
