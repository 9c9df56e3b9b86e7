using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Scoring.Ranking;

namespace ThiDua.Dashboard.Live.Hub;

/// <summary>
/// Feeds the hub from the notifier: for every push, each changed board's snapshot goes to all
/// clients with the push's version. The notifier's callback only queues the push, so neither the
/// writer nor the notifier ever waits on a socket; one loop sends, so every client sees the
/// messages in the order they were produced.
/// </summary>
/// <remarks>
/// With several campaigns (<paramref name="engines"/>), every campaign's pushes come in: the default
/// campaign's boards go to every client, as before campaigns, and another campaign's only to the clients
/// that called <see cref="LeaderboardHub.Subscribe"/> for it. Versions are shared by all campaigns.
/// </remarks>
public sealed class LeaderboardBroadcaster(
    LeaderboardNotifier notifier,
    EngineHost host,
    IHubContext<LeaderboardHub, ILeaderboardClient> hub,
    ILogger<LeaderboardBroadcaster> logger,
    Metrics.ThiDuaMetrics? metrics = null,
    CampaignEngines? engines = null) : BackgroundService
{
    private readonly Channel<LeaderboardUpdate> _updates = Channel.CreateUnbounded<LeaderboardUpdate>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private IDisposable? _subscription;
    private IDisposable? _others;
    private long _highestVersion;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Func<LeaderboardUpdate, Task> queue = update =>
        {
            _updates.Writer.TryWrite(update);
            return Task.CompletedTask;
        };
        _subscription = notifier.Subscribe(queue);
        if (engines is not null)
        {
            // The other campaigns' pushes; the notifier above is the (start-up) default campaign's own.
            var own = engines.Default.Campaign.Code;
            _others = engines.SubscribeAll(update => update.Campaign == own ? Task.CompletedTask : queue(update));
        }
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Unsubscribe first so the notifier stops holding a callback into a stopping service.
        Unsubscribe();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        Unsubscribe();
        base.Dispose();
    }

    private void Unsubscribe()
    {
        Interlocked.Exchange(ref _subscription, null)?.Dispose();
        Interlocked.Exchange(ref _others, null)?.Dispose();
        _updates.Writer.TryComplete();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _updates.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                // Pushes that queued up while clients were slow fold into one round: the snapshots
                // are read now, so sending older rounds first would only show stale boards.
                var version = 0L;
                var boards = new Dictionary<string, HashSet<BoardKey>>(StringComparer.Ordinal);
                while (reader.TryRead(out var update))
                {
                    version = Math.Max(version, update.Version);
                    if (!boards.TryGetValue(update.Campaign, out var ofCampaign)) boards[update.Campaign] = ofCampaign = [];
                    ofCampaign.UnionWith(update.Boards);
                }
                foreach (var (campaign, changed) in boards)
                    await BroadcastAsync(version, campaign, changed);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: pushes still queued have no one left worth sending them to.
        }
    }

    private async Task BroadcastAsync(long version, string campaign, IReadOnlySet<BoardKey> boards)
    {
        var source = host;
        var clients = hub.Clients.All;
        if (engines is not null && engines.Find(campaign) is { } record)
        {
            if (await engines.GetAsync(record.Code) is not { } services) return;
            source = services.Host;
            if (!record.IsDefault) clients = hub.Clients.Group(LeaderboardHub.GroupOf(record.Code));
        }

        // A snapshot read now reflects at least every version pushed so far, so labelling it with the
        // highest seen keeps each client's versions growing even if the notifier's callbacks for two
        // pushes ran out of order.
        _highestVersion = Math.Max(_highestVersion, version);
        var (started, sent) = (System.Diagnostics.Stopwatch.GetTimestamp(), 0);
        var ordered = boards
            .OrderBy(b => b.Block, StringComparer.Ordinal)
            .ThenBy(b => b.Group, StringComparer.Ordinal);
        foreach (var key in ordered)
        {
            try
            {
                var engine = source.Engine;
                var change = LeaderboardChangedDto.From(_highestVersion, engine.AsOf, engine.Board(key), campaign);
                await clients.LeaderboardChanged(change);
                sent++;
            }
            catch (Exception exception)
            {
                // One board that cannot be read or sent must not keep the others off the screens.
                logger.LogError(exception, "Could not broadcast board {Block}/{Group} at version {Version}", key.Block, key.Group, _highestVersion);
            }
        }
        metrics?.Pushed(sent, started);
    }
}
