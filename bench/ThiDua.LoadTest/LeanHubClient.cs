using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ThiDua.LoadTest;

/// <summary>
/// A SignalR client of /hubs/leaderboard that speaks the JSON hub protocol over a bare WebSocket
/// (handshake, invocations split on the record separator, pings) and reads only what the
/// measurement needs from each push: version, block and group, with a forward-only reader; the last
/// board's bytes are parsed once, at the end. The .NET SignalR client parses every message into a
/// document (~55 µs of CPU per message measured), which on a shared 2-core machine is CPU taken
/// from the server being measured; this one costs a fraction of that. Same observable contract.
/// </summary>
public sealed class LeanHubClient : IHubClient
{
    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] GetLeaderboards = Encoding.UTF8.GetBytes("{\"type\":1,\"invocationId\":\"0\",\"target\":\"GetLeaderboards\",\"arguments\":[]}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    private readonly Uri _address;
    private readonly ClientWebSocket _socket = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<string, BoardLog> _boards = [];
    private readonly Dictionary<string, byte[]> _lastPayload = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _receiving;
    private Task? _pinging;
    private int _closed;

    public LeanHubClient(Uri address)
    {
        var builder = new UriBuilder(new Uri(address, "hubs/leaderboard")) { Scheme = address.Scheme == "https" ? "wss" : "ws" };
        _address = builder.Uri;
    }

    public int Closed => _closed;

    public async Task StartAsync(CancellationToken cancel)
    {
        await _socket.ConnectAsync(_address, cancel);
        await _socket.SendAsync(Handshake, WebSocketMessageType.Text, true, cancel);
        _receiving = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        await _socket.SendAsync(GetLeaderboards, WebSocketMessageType.Text, true, cancel);
        await _answered.Task.WaitAsync(cancel);
        // The server closes a connection it has not heard from for 30 s; the .NET client pings every 15 s.
        _pinging = Task.Run(PingLoopAsync, CancellationToken.None);
    }

    private async Task PingLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(15), _stop.Token);
                await _socket.SendAsync(Ping, WebSocketMessageType.Text, true, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException) { }
    }

    private async Task ReceiveLoopAsync()
    {
        var pending = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var memory = pending.GetMemory(16 * 1024);
                var result = await _socket.ReceiveAsync(memory, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
                var at = Stopwatch.GetTimestamp();
                pending.Advance(result.Count);
                if (!result.EndOfMessage) continue;
                // A frame can carry several hub messages, each ended by the record separator.
                var data = pending.WrittenSpan;
                int end;
                while ((end = data.IndexOf(RecordSeparator)) >= 0)
                {
                    OnMessage(data[..end], at);
                    data = data[(end + 1)..];
                }
                if (data.IsEmpty) { pending.Clear(); continue; }
                var rest = data.ToArray();
                pending.Clear();
                pending.Write(rest);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException) { }
        if (!_stop.IsCancellationRequested) Interlocked.Increment(ref _closed);
        _answered.TrySetException(new WebSocketException("The hub closed the connection before answering GetLeaderboards."));
    }

    private void OnMessage(ReadOnlySpan<byte> message, long at)
    {
        if (message.Length <= 2) return; // the handshake's "{}"
        var reader = new Utf8JsonReader(message);
        int? type = null;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
            if (reader.ValueTextEquals("type"u8)) { reader.Read(); type = reader.GetInt32(); }
            else if (reader.ValueTextEquals("arguments"u8) && type == 1) { OnChanged(message, ref reader, at); return; }
            else if (reader.ValueTextEquals("result"u8) && type == 3)
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                OnAllBoards(message[start..(int)reader.BytesConsumed]);
                return;
            }
            else reader.Skip();
        }
    }

    // {"type":1,"target":"LeaderboardChanged","arguments":[{"version":…,"asOf":…,"block":…,"group":…,…,"entries":[…]}]}
    private void OnChanged(ReadOnlySpan<byte> message, ref Utf8JsonReader reader, long at)
    {
        long version = 0;
        string? block = null, group = null;
        var groupSeen = false;
        while (reader.Read() && (block is null || !groupSeen || version == 0))
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 3) continue;
            if (reader.ValueTextEquals("version"u8)) { reader.Read(); version = reader.GetInt64(); }
            else if (reader.ValueTextEquals("block"u8)) { reader.Read(); block = reader.GetString(); }
            else if (reader.ValueTextEquals("group"u8)) { reader.Read(); group = reader.GetString(); groupSeen = true; }
            else reader.Skip();
        }
        if (block is null) return;
        var key = Workload.BoardKey(block, group);
        lock (_lock)
        {
            if (Log(key).Record(version, at)) _lastPayload[key] = message.ToArray();
        }
    }

    private void OnAllBoards(ReadOnlySpan<byte> result)
    {
        // The answer arrives once per client: a document is fine here.
        using var all = JsonDocument.Parse(result.ToArray());
        var version = all.RootElement.GetProperty("version").GetInt64();
        lock (_lock)
        {
            foreach (var board in all.RootElement.GetProperty("boards").EnumerateArray())
            {
                var log = Log(Workload.BoardKey(board.GetProperty("block").GetString()!, board.GetProperty("group").GetString()));
                if (version > log.LastVersion || log.LastEntries is null && !_lastPayload.ContainsKey(log.Key))
                {
                    log.LastVersion = Math.Max(log.LastVersion, version);
                    log.LastEntries = board.GetProperty("entries").Clone();
                    _lastPayload.Remove(log.Key);
                }
            }
        }
        _answered.TrySetResult();
    }

    private BoardLog Log(string key)
    {
        if (!_boards.TryGetValue(key, out var log)) _boards[key] = log = new BoardLog { Key = key };
        return log;
    }

    public long LastVersion(string board)
    {
        lock (_lock) return _boards.TryGetValue(board, out var log) ? log.LastVersion : 0;
    }

    public IReadOnlyDictionary<string, BoardLog> Boards
    {
        get
        {
            lock (_lock)
            {
                // Parsed once, now: the entries of each board's newest push.
                foreach (var (key, payload) in _lastPayload)
                {
                    using var message = JsonDocument.Parse(payload);
                    _boards[key].LastEntries = message.RootElement.GetProperty("arguments")[0].GetProperty("entries").Clone();
                }
                _lastPayload.Clear();
                return new Dictionary<string, BoardLog>(_boards);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException) { }
        if (_receiving is not null) await Task.WhenAny(_receiving, Task.Delay(2000));
        if (_pinging is not null) await Task.WhenAny(_pinging, Task.Delay(2000));
        _socket.Dispose();
        _stop.Dispose();
    }
}
