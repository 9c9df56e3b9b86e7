using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace ThiDua.LoadTest;

public sealed record LoadResult(
    int Clients, int ClientsConnected, double TargetRate, int Batch, int Posters, int Seconds,
    long Requests, long RequestErrors, long AcceptedFigures, double AcceptedPerSecond, Percentiles Post,
    Percentiles Hub, Percentiles FirstClient, Percentiles LastClient, long Pairs, long LostPairs, int ClientsWithLoss, long OutOfOrder, int StateMismatches, int ClientsClosed,
    double DrainSeconds, double ServerCpuSeconds, double ServerCores, double ServerPeakRssMiB, double ServerRssMiB,
    double HarnessCpuSeconds, double ConnectSeconds, Percentiles ServerPost, double[] LastClientBySend, long MessagesReceived,
    int Nodes = 1, double[]? NodePeakRssMiB = null, double DatabaseCpuSeconds = double.NaN);

/// <summary>
/// The load phase: N hub clients connected, figures posted at a fixed schedule for T seconds by P
/// posters, then every (client, figure) pair checked against what the client received. With several nodes
/// (<paramref name="nodes"/>, one client per node), hub clients are spread over them and requests go round-robin;
/// server CPU is the sum over every node's process, and with PostgreSQL the database server's CPU is measured apart.
/// </summary>
public sealed class LoadRun(Options options, IReadOnlyList<HttpClient> nodes, Workload workload, IReadOnlyList<ServerProcess> servers)
{
    private readonly HttpClient http = nodes[0];
    private readonly ServerProcess? server = servers.Count > 0 ? servers[0] : null;

    private sealed record Sent(long SendTicks, long Version, FigureItem[] Figures);

    public async Task<LoadResult> RunAsync(CancellationToken cancel)
    {
        var clients = new List<IHubClient>();
        var connect = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(options.ConnectParallelism))
        {
            var failures = 0;
            var tasks = Enumerable.Range(0, options.Clients).Select(async i =>
            {
                await gate.WaitAsync(cancel);
                try
                {
                    // The CI smoke mixes both kinds, so the lean client's bookkeeping is checked on every build too.
                    var lean = options.LeanClients || options.Smoke && i % 2 == 1;
                    var node = nodes[i % nodes.Count].BaseAddress!;
                    IHubClient client = lean ? new LeanHubClient(node) : new HubClient(node);
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                    timeout.CancelAfter(TimeSpan.FromSeconds(60));
                    try
                    {
                        await client.StartAsync(timeout.Token);
                        lock (clients) clients.Add(client);
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or System.Net.WebSockets.WebSocketException or TimeoutException)
                    {
                        Interlocked.Increment(ref failures);
                        await client.DisposeAsync();
                    }
                }
                finally { gate.Release(); }
            }).ToList();
            await Task.WhenAll(tasks);
            if (failures > 0) Console.Error.WriteLine($"{failures} hub clients could not connect.");
        }
        connect.Stop();
        Console.WriteLine($"  {clients.Count} hub clients connected in {connect.Elapsed.TotalSeconds:F1} s");

        if (options.WarmupSeconds > 0)
        {
            // The same stream, unmeasured: a server that has been up for a while has JIT-compiled its hot
            // paths to tier 1; a short run would otherwise time the JIT (seen as ~1,000 methods compiled
            // in bursts during the first tens of seconds of a 1,000-client run).
            var warm = await PostAsync(options.WarmupSeconds, cancel, options.WarmupRate ?? options.Rate);
            Console.WriteLine($"  warm-up: {warm.Sent.Count} requests in {options.WarmupSeconds} s (not measured)");
            await Task.Delay(TimeSpan.FromSeconds(2), cancel);
        }

        server?.TakePostTimes();
        var serverCpu0 = ServersCpuSeconds();
        var databaseCpu0 = ProcStats.PostgresCpuSeconds();
        var harnessCpu0 = ProcStats.CpuSeconds(Environment.ProcessId);
        var start = Stopwatch.GetTimestamp();
        var (sent, postLatencies, errors) = await PostAsync(options.Seconds, cancel);
        var postingSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var accepted = sent.Sum(s => (long)s.Figures.Length);
        Console.WriteLine($"  posted {sent.Count} requests ({accepted} figures, {errors} errors) in {postingSeconds:F1} s");

        // Wait (bounded) until every client holds, for every board, the highest accepted version on it.
        var maxPerBoard = new Dictionary<string, long>();
        foreach (var s in sent)
            foreach (var f in s.Figures)
                maxPerBoard[f.BoardKey] = Math.Max(maxPerBoard.GetValueOrDefault(f.BoardKey), s.Version);
        var drain = Stopwatch.StartNew();
        while (drain.Elapsed < TimeSpan.FromSeconds(options.DrainSeconds)
               && !clients.All(c => maxPerBoard.All(b => c.LastVersion(b.Key) >= b.Value)))
            await Task.Delay(100, cancel);
        drain.Stop();
        var loadSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var serverCpu = server is null ? double.NaN : ServersCpuSeconds() - serverCpu0;
        var databaseCpu = options.Postgres is null ? double.NaN : ProcStats.PostgresCpuSeconds() - databaseCpu0;
        var harnessCpu = ProcStats.CpuSeconds(Environment.ProcessId) - harnessCpu0;

        // Every (client, figure) pair: first message on the figure's board whose version covers the POST's.
        // Figures of one request on one board share the answer, so it is computed once and weighted.
        var hubLatencies = new List<double>();
        var firstClient = new List<double>();
        var lastClient = new List<double>();
        long pairs = 0, lost = 0, outOfOrder = 0;
        var views = clients.Select(c =>
        {
            var boards = c.Boards;
            return (Boards: boards, Prefix: boards.ToDictionary(b => b.Key, b => b.Value.PrefixMax()));
        }).ToList();
        outOfOrder = views.Sum(v => v.Boards.Values.Sum(b => (long)b.OutOfOrder));
        var lossByClient = new long[views.Count];
        // In sending order, so the JSON shows whether slow updates cluster (warm-up, a collection) or spread.
        sent.Sort((a, b) => a.SendTicks.CompareTo(b.SendTicks));
        foreach (var s in sent)
            foreach (var group in s.Figures.GroupBy(f => f.BoardKey))
            {
                var weight = group.Count();
                double first = double.MaxValue, last = 0;
                for (var c = 0; c < views.Count; c++)
                {
                    pairs += weight;
                    if (views[c].Boards.TryGetValue(group.Key, out var log) && log.FirstCovering(s.Version, views[c].Prefix[group.Key]) is { } at)
                    {
                        var ms = Stopwatch.GetElapsedTime(s.SendTicks, at).TotalMilliseconds;
                        for (var w = 0; w < weight; w++) hubLatencies.Add(ms);
                        first = Math.Min(first, ms);
                        last = Math.Max(last, ms);
                    }
                    else
                    {
                        lost += weight;
                        lossByClient[c] += weight;
                    }
                }
                if (last > 0) { firstClient.Add(first); lastClient.Add(last); }
            }
        var clientsWithLoss = lossByClient.Count(n => n > 0);
        double[] lastClientBySend = [.. lastClient.Select(ms => Math.Round(ms, 1))]; // before Percentiles.Of sorts the list

        // Final state: every client's board must equal the one the API serves, entry for entry, on every node.
        var mismatches = 0;
        foreach (var node in nodes)
        {
            using var final = JsonDocument.Parse(await node.GetStringAsync("api/v1/leaderboards", cancel));
            var expected = final.RootElement.GetProperty("boards").EnumerateArray().ToDictionary(
                b => Workload.BoardKey(b.GetProperty("block").GetString()!, b.GetProperty("group").GetString()),
                b => JsonSerializer.Serialize(b.GetProperty("entries")));
            foreach (var client in clients)
            {
                var boards = client.Boards;
                var equal = expected.All(e => boards.TryGetValue(e.Key, out var log) && log.LastEntries is { } entries
                                             && JsonSerializer.Serialize(entries) == e.Value);
                if (!equal) mismatches++;
            }
        }

        var closed = clients.Sum(c => c.Closed);
        // Hub messages that reached the clients during the measured phase: what the CPU figures are spent on.
        var messages = views.Sum(v => v.Boards.Values.Sum(b => (long)b.Ticks.Count(t => t >= start)));
        var result = new LoadResult(
            options.Clients, clients.Count, options.Rate, options.Batch, options.Posters, options.Seconds,
            sent.Count + errors, errors, accepted, accepted / postingSeconds, Percentiles.Of(postLatencies),
            Percentiles.Of(hubLatencies), Percentiles.Of(firstClient), Percentiles.Of(lastClient), pairs, lost, clientsWithLoss, outOfOrder, mismatches, closed,
            drain.Elapsed.TotalSeconds, serverCpu, serverCpu / loadSeconds,
            server is { } p2 ? ProcStats.StatusMiB(p2.Pid, "VmHWM") : double.NaN,
            server is { } p3 ? ProcStats.StatusMiB(p3.Pid, "VmRSS") : double.NaN,
            harnessCpu, connect.Elapsed.TotalSeconds, Percentiles.Of(server?.TakePostTimes() ?? []), lastClientBySend, messages,
            nodes.Count, [.. servers.Select(s => ProcStats.StatusMiB(s.Pid, "VmHWM"))], databaseCpu);
        await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        return result;
    }

    private double ServersCpuSeconds() => servers.Sum(s => ProcStats.CpuSeconds(s.Pid));

    private sealed record Posting(List<Sent> Sent, List<double> Latencies, long Errors);

    /// <summary>Posts the configured stream for <paramref name="seconds"/> on an open-loop schedule, at <paramref name="rate"/> figures/s (the run's by default).</summary>
    private async Task<Posting> PostAsync(int seconds, CancellationToken cancel, double? rate = null)
    {
        var requestsPerSecond = (rate ?? options.Rate) / options.Batch;
        var totalRequests = Math.Max(1, (long)Math.Round(requestsPerSecond * seconds));
        var interval = TimeSpan.FromSeconds(1 / requestsPerSecond);
        var sent = new List<Sent>();
        var postLatencies = new List<double>();
        long next = -1, errors = 0;
        var start = Stopwatch.GetTimestamp();
        var hardStop = TimeSpan.FromSeconds(seconds * 3 + 30);

        // Open loop: request k is due at start + k × interval whatever happened to the ones before,
        // so a slow server shows up as latency, not as a quietly lower rate. Bounded by count and time.
        var posters = Enumerable.Range(0, options.Posters).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var k = Interlocked.Increment(ref next);
                if (k >= totalRequests || Stopwatch.GetElapsedTime(start) > hardStop) return;
                var due = interval * k - Stopwatch.GetElapsedTime(start);
                if (due > TimeSpan.Zero) await Task.Delay(due, cancel);
                var batch = workload.NextBatch(options.Batch);
                var sendTicks = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await nodes[(int)(k % nodes.Count)].PostAsJsonAsync("api/v1/figures", Workload.Body(batch), cancel);
                    var doneTicks = Stopwatch.GetTimestamp();
                    if (!response.IsSuccessStatusCode) { Interlocked.Increment(ref errors); continue; }
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancel));
                    var version = json.RootElement.GetProperty("version").GetInt64();
                    lock (sent)
                    {
                        sent.Add(new Sent(sendTicks, version, batch));
                        postLatencies.Add(Stopwatch.GetElapsedTime(sendTicks, doneTicks).TotalMilliseconds);
                    }
                }
                catch (HttpRequestException) { Interlocked.Increment(ref errors); }
            }
        }, cancel)).ToList();
        await Task.WhenAll(posters);
        return new Posting(sent, postLatencies, errors);
    }
}
