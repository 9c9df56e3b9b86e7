using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ThiDua.LoadTest;

/// <summary>
/// One SignalR client of /hubs/leaderboard that records, per board, every version it received with
/// the local arrival time, and keeps the board with the highest version, as the contract tells clients to.
/// </summary>
public sealed class HubClient : IHubClient
{
    private readonly HubConnection _connection;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, BoardLog> _boards = [];

    public HubClient(Uri address)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "hubs/leaderboard"), o =>
            {
                // WebSockets only, no negotiate round trip: the shape the contract promises browsers.
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        _connection.On<JsonElement>("LeaderboardChanged", OnChanged);
        _connection.Closed += _ => { Interlocked.Increment(ref _closed); return Task.CompletedTask; };
    }

    private int _closed;
    public int Closed => _closed;

    public async Task StartAsync(CancellationToken cancel)
    {
        await _connection.StartAsync(cancel);
        var all = await _connection.InvokeAsync<JsonElement>("GetLeaderboards", cancel);
        var version = all.GetProperty("version").GetInt64();
        lock (_lock)
        {
            foreach (var board in all.GetProperty("boards").EnumerateArray())
            {
                var log = Log(Workload.BoardKey(board.GetProperty("block").GetString()!, board.GetProperty("group").GetString()));
                // A push that raced ahead of the answer may already hold a newer board.
                if (version > log.LastVersion || log.LastEntries is null)
                {
                    log.LastVersion = Math.Max(log.LastVersion, version);
                    log.LastEntries = board.GetProperty("entries");
                }
            }
        }
    }

    private void OnChanged(JsonElement change)
    {
        var at = Stopwatch.GetTimestamp();
        var version = change.GetProperty("version").GetInt64();
        var key = Workload.BoardKey(change.GetProperty("block").GetString()!, change.GetProperty("group").GetString());
        lock (_lock)
        {
            var log = Log(key);
            if (log.Record(version, at)) log.LastEntries = change.GetProperty("entries");
        }
    }

    private BoardLog Log(string key)
    {
        if (!_boards.TryGetValue(key, out var log)) _boards[key] = log = new BoardLog();
        return log;
    }

    public long LastVersion(string board)
    {
        lock (_lock) return _boards.TryGetValue(board, out var log) ? log.LastVersion : 0;
    }

    /// <summary>The logs, to be read only after the run has drained (no more pushes expected).</summary>
    public IReadOnlyDictionary<string, BoardLog> Boards
    {
        get { lock (_lock) return new Dictionary<string, BoardLog>(_boards); }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}

/// <summary>What the load run needs of a hub client, whichever way it reads the hub.</summary>
public interface IHubClient : IAsyncDisposable
{
    int Closed { get; }
    Task StartAsync(CancellationToken cancel);
    long LastVersion(string board);
    /// <summary>The logs, to be read only after the run has drained (no more pushes expected).</summary>
    IReadOnlyDictionary<string, BoardLog> Boards { get; }
}

public sealed class BoardLog
{
    public string Key { get; init; } = "";
    public List<long> Versions { get; } = [];
    public List<long> Ticks { get; } = [];
    public long LastVersion { get; set; }
    public JsonElement? LastEntries { get; set; }
    public int OutOfOrder { get; set; }

    /// <summary>Logs a push as it arrived; true when it is the newest of the board so far (keep its entries).</summary>
    public bool Record(long version, long arrivalTicks)
    {
        if (Versions.Count > 0 && version < Versions[^1]) OutOfOrder++;
        Versions.Add(version);
        Ticks.Add(arrivalTicks);
        if (version < LastVersion) return false;
        LastVersion = version;
        return true;
    }

    /// <summary>Arrival time of the first message whose version covers <paramref name="version"/>, or null.</summary>
    public long? FirstCovering(long version, long[] prefixMax)
    {
        int lo = 0, hi = prefixMax.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (prefixMax[mid] >= version) hi = mid; else lo = mid + 1;
        }
        return lo < prefixMax.Length ? Ticks[lo] : null;
    }

    /// <summary>Running maximum of the versions, so a search still works if messages came out of order.</summary>
    public long[] PrefixMax()
    {
        var result = new long[Versions.Count];
        var max = long.MinValue;
        for (var i = 0; i < result.Length; i++) result[i] = max = Math.Max(max, Versions[i]);
        return result;
    }
}
