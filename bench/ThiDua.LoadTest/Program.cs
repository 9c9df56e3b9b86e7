using System.Net.Http.Headers;
using ThiDua.LoadTest;

Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (options.HarnessCpus is { } harnessCpus) Pinning.PinCurrentProcess(harnessCpus);
// A thousand hub clients would otherwise wait on the thread pool's slow injection at connect time.
ThreadPool.SetMinThreads(64, 64);
// Circuits: up to two minutes to open each page (at open-parallelism at a time), each round's time-out, closing.
using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds * 4 + options.DrainSeconds + 600
    + options.Circuits * 120.0 / options.OpenParallelism + options.CircuitRounds * (options.CircuitTimeoutSeconds + 20)));
var startedUtc = DateTimeOffset.UtcNow;
var command = args.Length == 0 ? "dotnet run -c Release --project bench/ThiDua.LoadTest" : "dotnet run -c Release --project bench/ThiDua.LoadTest -- " + string.Join(' ', args);

ServerProcess? server = null;
var servers = new List<ServerProcess>();
var nodes = new List<HttpClient>();
string? sharedFolder = null;
try
{
    Uri address;
    if (options.Url is null)
    {
        // Circuits need the page's scripts and styles: run from the build output, the app maps its static
        // web assets (blazor.web.js, MudBlazor's _content) only in Development. --server-env still overrides.
        IEnumerable<KeyValuePair<string, string>> environment = options.Circuits > 0
            ? [new("ASPNETCORE_ENVIRONMENT", "Development"), .. options.ServerEnvironment]
            : options.ServerEnvironment;
        // Several nodes share one database: the PostgreSQL one given, or one SQLite file in WAL mode. They start one
        // after another, so the first migrates and seeds and the others find it ready.
        var database = options.Postgres;
        if (database is null && options.Nodes > 1)
        {
            sharedFolder = Directory.CreateTempSubdirectory("thidua-load-").FullName;
            database = $"Data Source={Path.Combine(sharedFolder, "thidua.db")}";
        }
        for (var n = 0; n < options.Nodes; n++)
        {
            var node = await ServerProcess.StartAsync(options.Key, environment, options.ServerCpus, database);
            servers.Add(node);
            Console.WriteLine(options.Nodes == 1
                ? $"Started the dashboard (pid {node.Pid}) on {node.Address} with a fresh {(options.Postgres is null ? "SQLite" : "PostgreSQL")} database"
                : $"Started node {n + 1} of {options.Nodes} (pid {node.Pid}) on {node.Address}, one shared {(options.Postgres is null ? "SQLite file" : "PostgreSQL database")}");
        }
        server = servers[0];
        address = server.Address;
    }
    else
    {
        address = options.Url;
        Console.WriteLine($"Using the dashboard at {address} (server CPU and memory not measured)");
    }

    nodes.AddRange(servers.Count > 0 ? servers.Select(s => Client(s.Address, options.Key)) : [Client(address, options.Key)]);
    var http = nodes[0];

    var workload = await Workload.PrepareAsync(http, seed: true, cancel.Token, options.Weeks);
    Console.WriteLine($"Seeded {workload.Units.Count} units × {workload.Weeks} weekly reports ({workload.Seed.Count + workload.SeedDossiers.Count:N0} figures) on {workload.Units.Select(u => u.BoardKey).Distinct().Count()} boards, live as of {workload.AsOf:yyyy-MM-dd}");

    var machine = $"{Environment.ProcessorCount} cores, generator on the same machine as the app"
        + (options.Nodes > 1 ? $", {options.Nodes} app processes on one {(options.Postgres is null ? "SQLite file" : "PostgreSQL database")}" : "")
        + (options.Nodes == 1 && options.Postgres is not null ? ", PostgreSQL" : "")
        + (options.ServerCpus is null ? "" : $", app pinned to CPU {options.ServerCpus}")
        + (options.HarnessCpus is null ? "" : $", harness pinned to CPU {options.HarnessCpus}");
    var folder = options.Out ?? DefaultResults();
    if (options.Circuits > 0)
    {
        // Blazor circuits instead of the hub load: needs the started app (checked in Options).
        var circuits = await new CircuitRun(options, http, workload, server!).RunAsync(cancel.Token);
        var circuitFailures = new List<string>();
        if (circuits.PagesLive < circuits.Circuits) circuitFailures.Add($"{circuits.Circuits - circuits.PagesLive} of {circuits.Circuits} pages never went live");
        if (circuits.PagesUpdatedEveryRound < circuits.PagesLive)
            circuitFailures.Add($"{circuits.PagesLive - circuits.PagesUpdatedEveryRound} live pages missed an update");
        circuitFailures.AddRange(circuits.Problems);
        var circuitReport = new RunReport(options.Name, command, startedUtc, machine + ", Chromium too", null, [], circuitFailures) { Circuits = circuits };
        Console.WriteLine();
        Console.WriteLine(Report.Markdown(circuitReport));
        Console.WriteLine($"Written {Report.Write(circuitReport, folder)}.{{json,md}}");
        return circuitFailures.Count == 0 ? 0 : 1;
    }

    var freshness = new List<FreshnessResult>();
    if (options.Baselines)
    {
        // The same single updates for every system, before any hub client is connected, on one clock.
        var updates = Enumerable.Range(0, options.BaselineUpdates).Select(_ => workload.NextBatch(1)[0]).ToList();
        Console.WriteLine($"Update → fresh board, {updates.Count} single updates each:");
        freshness.AddRange(await Baselines.ThiDuaAsync(http, updates, cancel.Token));
        freshness.Add(await Baselines.ThiDuaEngineAsync(http, workload, updates, cancel.Token));
        freshness.AddRange(await Baselines.SqliteAsync(workload, updates, cancel.Token));
        foreach (var persistence in new[] { "always", "none" })
            if (await Baselines.RedisAsync(options.RedisServer, persistence, workload, updates, cancel.Token) is { } redis)
                freshness.Add(redis);
    }

    Console.WriteLine($"Load: {options.Clients} clients, {options.Rate}/s in batches of {options.Batch} from {options.Posters} posters for {options.Seconds} s");
    var load = await new LoadRun(options, nodes, workload, servers).RunAsync(cancel.Token);

    var failures = new List<string>();
    if (load.ClientsConnected < load.Clients) failures.Add($"{load.Clients - load.ClientsConnected} clients did not connect");
    if (load.AcceptedFigures == 0) failures.Add("no figure was accepted");
    if (load.RequestErrors > 0) failures.Add($"{load.RequestErrors} POSTs failed");
    if (load.LostPairs > 0) failures.Add($"{load.LostPairs} lost (client, figure) pairs on {load.ClientsWithLoss} clients");
    if (load.OutOfOrder > 0) failures.Add($"{load.OutOfOrder} out-of-order versions");
    if (load.StateMismatches > 0)
        failures.Add($"{load.StateMismatches} (client, node) pairs end with boards different from that node's GET /api/v1/leaderboards");

    var report = new RunReport(options.Name, command, startedUtc, machine, load, freshness, failures);
    Console.WriteLine();
    Console.WriteLine(Report.Markdown(report));
    Console.WriteLine($"Written {Report.Write(report, folder)}.{{json,md}}");
    return failures.Count == 0 ? 0 : 1;
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    Console.Error.WriteLine($"Load test failed: {e}");
    return 1;
}
finally
{
    foreach (var node in nodes) node.Dispose();
    foreach (var each in servers) each.Dispose();
    if (sharedFolder is not null)
        try { Directory.Delete(sharedFolder, recursive: true); } catch (IOException) { /* a leftover temp folder is harmless */ }
}

static HttpClient Client(Uri address, string key)
{
    var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = 256 })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(30),
    };
    client.DefaultRequestHeaders.Add("X-Api-Key", key);
    client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    return client;
}

// bench/ThiDua.LoadTest/results under the repository (found from the current folder), else ./results.
static string DefaultResults()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "ThiDua.sln")))
            return Path.Combine(dir.FullName, "bench", "ThiDua.LoadTest", "results");
    return Path.Combine(Environment.CurrentDirectory, "results");
}
