using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ThiDua.Dashboard.Live;

/// <summary>
/// Keeps this node's engines level with batches other nodes commit to the same database: at start, whenever a
/// <see cref="IChangeSignal"/> fires, and every <see cref="ClusterOptions.CatchUpSeconds"/> in between, it reads
/// the batches after this node's version and applies them in version order through <see cref="ApplyOrder"/>,
/// which pushes them to pages and hub clients exactly as a commit made here would be pushed. A node that missed
/// signals (or never gets any, as on SQLite) catches up by itself at the next check.
/// </summary>
public sealed class VersionFollower(
    ApplyOrder order, IOptions<ClusterOptions> options, TimeProvider time, ILogger<VersionFollower> logger, IEnumerable<IChangeSignal> signals)
    : BackgroundService
{
    // One pending wake-up is enough: a catch-up reads everything committed so far.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private int _checkEverything;

    /// <summary>
    /// Asks for a catch-up now rather than at the next periodic check. <paramref name="version"/> is the version a
    /// notified batch raised: one this node has applied already (its own commit, notified back to it) wakes nothing.
    /// Without one (a committee decision, a reconnection) the catch-up also reads the campaigns and the decisions.
    /// </summary>
    public void Wake(long? version = null)
    {
        if (version is { } notified && notified <= order.AppliedVersion) return;
        if (version is null) Volatile.Write(ref _checkEverything, 1);
        _wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscriptions = signals.Select(signal => signal.Subscribe(Wake)).ToList();
        try
        {
            var period = TimeSpan.FromSeconds(options.Value.CatchUpSeconds);
            var lastFullCheck = DateTimeOffset.MinValue;
            while (!stoppingToken.IsCancellationRequested)
            {
                // Batches at every wake-up; the campaigns and the committee's decisions when a signal named no batch,
                // and at least once a period even while batches keep coming (a wake-up per batch would never let it pass).
                var everything = Interlocked.Exchange(ref _checkEverything, 0) == 1 || time.GetUtcNow() - lastFullCheck >= period;
                try
                {
                    await order.FollowAsync(everything, stoppingToken);
                    if (everything) lastFullCheck = time.GetUtcNow();
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Could not read the batches other nodes committed; will try again");
                }
                await NextAsync(period, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            foreach (var subscription in subscriptions) subscription.Dispose();
        }
    }

    /// <summary>Returns at the next signal or when the period is over, whichever comes first.</summary>
    private async Task NextAsync(TimeSpan period, CancellationToken stoppingToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var signalled = _wake.Reader.WaitToReadAsync(wait.Token).AsTask();
        var elapsed = Task.Delay(period, time, wait.Token);
        await Task.WhenAny(signalled, elapsed);
        await wait.CancelAsync();
        _wake.Reader.TryRead(out _);
        stoppingToken.ThrowIfCancellationRequested();
    }
}
