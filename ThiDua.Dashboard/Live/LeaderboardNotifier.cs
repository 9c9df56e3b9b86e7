using Microsoft.Extensions.Options;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Ranking;

namespace ThiDua.Dashboard.Live;

/// <summary>
/// Between the engine and every screen. The first change after a quiet interval is pushed at
/// once (leading edge); changes arriving within the interval fold into one trailing push, so an
/// import of 50,000 rows makes a handful of renders and a lone figure meets no added delay.
/// Callbacks run outside any lock and their exceptions are logged, never thrown into the writer.
/// </summary>
public sealed class LeaderboardNotifier(IOptions<LiveOptions> options, TimeProvider time, ILogger<LeaderboardNotifier> logger)
    : ILeaderboardPublisher, IDisposable
{
    private readonly Lock _lock = new();
    private readonly TimeSpan _interval = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.CoalesceMilliseconds));
    private readonly List<Subscription> _subscribers = [];
    private readonly HashSet<BoardKey> _pending = [];
    private long _pendingVersion;
    private bool _pendingUnits;
    private long _lastPush = long.MinValue;
    private ITimer? _timer;
    private bool _disposed;

    public int SubscriberCount { get { lock (_lock) return _subscribers.Count; } }

    /// <summary>Registers a callback for every push; dispose the result to stop receiving them.</summary>
    public IDisposable Subscribe(Func<LeaderboardUpdate, Task> callback)
    {
        var subscription = new Subscription(this, callback);
        lock (_lock) _subscribers.Add(subscription);
        return subscription;
    }

    public void Publish(ApplyResult result)
    {
        if (result.ChangedBoards.Count == 0 && !result.UnitsChanged) return;
        LeaderboardUpdate? now = null;
        lock (_lock)
        {
            if (_disposed) return;
            _pending.UnionWith(result.ChangedBoards);
            _pendingUnits |= result.UnitsChanged;
            _pendingVersion = Math.Max(_pendingVersion, result.Version);
            if (_timer is not null) return; // a trailing push is already due
            var elapsed = time.GetElapsedTime(_lastPush == long.MinValue ? 0 : _lastPush);
            if (_lastPush == long.MinValue || elapsed >= _interval)
                now = TakePending();
            else
                _timer = time.CreateTimer(_ => Flush(), null, _interval - elapsed, Timeout.InfiniteTimeSpan);
        }
        if (now is not null) Dispatch(now);
    }

    private void Flush()
    {
        LeaderboardUpdate? update;
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
            update = _pending.Count > 0 || _pendingUnits ? TakePending() : null;
        }
        if (update is not null) Dispatch(update);
    }

    private LeaderboardUpdate TakePending()
    {
        var update = new LeaderboardUpdate(_pendingVersion, _pending.ToHashSet(), _pendingUnits);
        _pending.Clear();
        _pendingUnits = false;
        _lastPush = time.GetTimestamp();
        return update;
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
