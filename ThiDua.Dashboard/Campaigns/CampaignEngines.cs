using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Live;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>
/// Every campaign's engine (with the rest of its <see cref="CampaignServices"/>): one per active campaign,
/// built at start; a closed campaign's built on its first read and dropped once it has been idle for
/// <see cref="CampaignOptions.IdleMinutes"/>, so ten years of campaigns do not all sit in memory. The
/// default campaign's services are also the app's own (what pages and older code resolve) and are kept.
/// </summary>
public sealed class CampaignEngines(
    IServiceProvider root, CampaignStore store, IOptions<CampaignOptions> options, TimeProvider time, ILogger<CampaignEngines> logger)
    : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly List<Func<LeaderboardUpdate, Task>> _listeners = [];
    private IReadOnlyList<CampaignRecord> _catalog = [];
    private string? _catalogMark;
    private CampaignServices? _default;
    private ITimer? _sweep;

    private sealed class Entry(CampaignServices services, IDisposable forwarding)
    {
        public CampaignServices Services { get; } = services;
        public IDisposable Forwarding { get; } = forwarding;
        public Task? Loading { get; set; }
        public DateTimeOffset LastUsed { get; set; }
    }

    /// <summary>Every campaign as last read from storage.</summary>
    public IReadOnlyList<CampaignRecord> Catalog { get { lock (_gate) return _catalog; } }

    /// <summary>The default campaign now (it may differ from <see cref="Default"/>'s after a change until a restart).</summary>
    public CampaignRecord DefaultCampaign => Catalog.FirstOrDefault(c => c.IsDefault) ?? Catalog[0];

    /// <summary>The services of the default campaign at start: the app's own EngineHost, notifier, repositories…</summary>
    public CampaignServices Default
    {
        get
        {
            lock (_gate)
            {
                if (_default is not null) return _default;
            }
            // Outside the app's start (a test wiring services by hand), read the catalog now; SQLite's calls are synchronous anyway.
            if (Catalog.Count == 0) RefreshAsync().GetAwaiter().GetResult();
            lock (_gate)
            {
                return _default ??= EntryFor(DefaultCampaign).Services;
            }
        }
    }

    public CampaignRecord? Find(string code) => Catalog.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));

    /// <summary>Reads the catalog, builds and loads every active campaign's engine and the default's, and starts the idle sweep.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await RefreshAsync(cancellationToken);
        _ = Default;
        foreach (var campaign in Catalog.Where(c => c.Status == CampaignStatus.Active || c.IsDefault))
            await GetAsync(campaign.Code, cancellationToken);
        var period = TimeSpan.FromMinutes(Math.Max(1, options.Value.IdleMinutes) / 2.0);
        _sweep = time.CreateTimer(_ => EvictIdle(time.GetUtcNow()), null, period, period);
    }

    /// <summary>Reads the catalog again after a campaign was created, activated, closed or made the default.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        // The mark first: a change between the two reads leaves a mark that differs at the next follow, so it is read again.
        var mark = await store.ReadCatalogMarkAsync(cancellationToken);
        var catalog = await store.ListAsync(cancellationToken);
        bool changed;
        List<Entry> listening;
        lock (_gate)
        {
            changed = _catalogMark is not null && _catalogMark != mark;
            _catalog = catalog;
            _catalogMark = mark;
            listening = [.. _entries.Values];
        }
        // Pages that show the campaigns (the app bar's switch, the admin's list) hear it the one way they hear everything.
        if (changed)
            foreach (var entry in listening) entry.Services.Notifier.PublishCampaigns();
    }

    /// <summary>
    /// Reads the catalog again when another node (sharing the database) changed a campaign since the last read;
    /// true when it did. Called by the <see cref="VersionFollower"/> with every catch-up, so a campaign created,
    /// activated, closed or made the default elsewhere is served here within a catch-up period.
    /// </summary>
    public async Task<bool> FollowCatalogAsync(CancellationToken cancellationToken = default)
    {
        var mark = await store.ReadCatalogMarkAsync(cancellationToken);
        lock (_gate)
        {
            if (mark == _catalogMark) return false;
        }
        await RefreshAsync(cancellationToken);
        logger.LogInformation("Campaigns changed in storage; the catalog was read again");
        return true;
    }

    /// <summary>
    /// The loaded services of a campaign that has an engine (active or closed), building them on first use;
    /// null for an unknown code or a draft, which has no engine.
    /// </summary>
    public async Task<CampaignServices?> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        if (Find(code) is not { IsDraft: false } campaign) return null;
        Entry entry;
        Task loading;
        lock (_gate)
        {
            entry = EntryFor(campaign);
            entry.LastUsed = time.GetUtcNow();
            loading = entry.Loading ??= entry.Services.Host.LoadAsync(CancellationToken.None);
        }
        await loading.WaitAsync(cancellationToken);
        return entry.Services;
    }

    /// <summary>The loaded services of every campaign whose engine is in memory now.</summary>
    public IReadOnlyList<CampaignServices> Loaded()
    {
        lock (_gate) return [.. _entries.Values.Where(e => e.Loading is { IsCompletedSuccessfully: true }).Select(e => e.Services)];
    }

    /// <summary>True when the campaign's engine is in memory.</summary>
    public bool IsLoaded(string code)
    {
        lock (_gate) return _entries.ContainsKey(code);
    }

    /// <summary>Every campaign's pushes, each carrying its campaign's code (the hub sends them on).</summary>
    public IDisposable SubscribeAll(Func<LeaderboardUpdate, Task> callback)
    {
        lock (_gate) _listeners.Add(callback);
        return new Unsubscriber(this, callback);
    }

    /// <summary>Drops the engines of closed campaigns that have not been read for the idle time; returns how many.</summary>
    public int EvictIdle(DateTimeOffset now)
    {
        var idle = TimeSpan.FromMinutes(options.Value.IdleMinutes);
        List<Entry> dropped = [];
        lock (_gate)
        {
            foreach (var (code, entry) in _entries.ToList())
            {
                if (ReferenceEquals(entry.Services, _default)) continue;
                if (Find(code) is { Status: CampaignStatus.Active }) continue;
                if (now - entry.LastUsed < idle) continue;
                _entries.Remove(code);
                dropped.Add(entry);
            }
        }
        foreach (var entry in dropped)
        {
            entry.Forwarding.Dispose();
            entry.Services.Dispose();
            logger.LogInformation("Engine of closed campaign {Campaign} dropped after {Minutes} idle minutes", entry.Services.Campaign.Code, idle.TotalMinutes);
        }
        return dropped.Count;
    }

    private Entry EntryFor(CampaignRecord campaign)
    {
        if (_entries.TryGetValue(campaign.Code, out var entry)) return entry;
        var services = new CampaignServices(root, campaign);
        var forwarding = services.Notifier.Subscribe(Forward);
        entry = new Entry(services, forwarding) { LastUsed = time.GetUtcNow() };
        _entries[campaign.Code] = entry;
        return entry;
    }

    private async Task Forward(LeaderboardUpdate update)
    {
        Func<LeaderboardUpdate, Task>[] listeners;
        lock (_gate) listeners = [.. _listeners];
        foreach (var listener in listeners)
        {
            try
            {
                await listener(update);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "A listener of every campaign failed on {Campaign} version {Version}", update.Campaign, update.Version);
            }
        }
    }

    public void Dispose()
    {
        _sweep?.Dispose();
        List<Entry> entries;
        lock (_gate)
        {
            entries = [.. _entries.Values];
            _entries.Clear();
        }
        foreach (var entry in entries)
        {
            entry.Forwarding.Dispose();
            entry.Services.Dispose();
        }
    }

    private sealed class Unsubscriber(CampaignEngines owner, Func<LeaderboardUpdate, Task> callback) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate) owner._listeners.Remove(callback);
        }
    }
}
