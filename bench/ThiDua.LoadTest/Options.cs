using System.Globalization;

namespace ThiDua.LoadTest;

/// <summary>Every knob of a run, from the command line. Defaults are a short run (well under a minute).</summary>
public sealed class Options
{
    public int Clients { get; private set; } = 20;
    public double Rate { get; private set; } = 20;
    public int Batch { get; private set; } = 1;
    public int Seconds { get; private set; } = 15;
    public int Posters { get; private set; } = 4;
    public Uri? Url { get; private set; }
    public string Key { get; private set; } = "load-test-key-0123456789abcdef";
    public string? Out { get; private set; }
    public string Name { get; private set; } = "";
    public bool Smoke { get; private set; }
    public bool Baselines { get; private set; } = true;
    public int BaselineUpdates { get; private set; } = 300;
    /// <summary>Weekly reports per unit seeded before anything is measured (4: a month in; 52: the campaign's last week).</summary>
    public int Weeks { get; private set; } = 4;
    public string RedisServer { get; private set; } = "/usr/bin/redis-server";
    public int DrainSeconds { get; private set; } = 30;
    /// <summary>Seconds of the same stream posted before the measured phase and not counted (JIT warm-up).</summary>
    public int WarmupSeconds { get; private set; }
    /// <summary>
    /// Figures/s during the warm-up (default: the run's rate). A lone-figure run at 1/s warms each path only a few
    /// dozen times, short of the JIT's tier-1 threshold, while a node that has been up for hours has long passed it.
    /// </summary>
    public double? WarmupRate { get; private set; }
    public bool ServerTiming { get; private set; }
    public int ConnectParallelism { get; private set; } = 50;
    /// <summary>Hub clients that read pushes with a forward-only reader instead of the .NET SignalR client (less generator CPU).</summary>
    public bool LeanClients { get; private set; }
    /// <summary>Blazor circuits mode: K headless Chromium pages of one board page instead of the hub load (0 = off).</summary>
    public int Circuits { get; private set; }
    public string Chromium { get; private set; } = "/usr/bin/chromium";
    public string CircuitBoard { get; private set; } = "phuong/tu-1500-duoi-3500";
    public int CircuitRounds { get; private set; } = 3;
    public int CircuitTimeoutSeconds { get; private set; } = 30;
    public int OpenParallelism { get; private set; } = 4;
    /// <summary>CPU list (taskset syntax, e.g. "0") the started app is pinned to; null = not pinned.</summary>
    public string? ServerCpus { get; private set; }
    /// <summary>CPU list the harness pins itself to, so generator and app do not take each other's core.</summary>
    public string? HarnessCpus { get; private set; }
    /// <summary>Dashboard processes started on one shared database (several nodes, issue 16); hub clients and POSTs are spread over them.</summary>
    public int Nodes { get; private set; } = 1;
    /// <summary>An Npgsql connection string: the started nodes use PostgreSQL instead of a fresh SQLite file.</summary>
    public string? Postgres { get; private set; }
    /// <summary>Extra environment for the started app, e.g. <c>ThiDua__RateLimit__*</c> settings.</summary>
    public List<KeyValuePair<string, string>> ServerEnvironment { get; } = [];

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--clients": o.Clients = NextInt(); break;
                case "--rate": o.Rate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--batch": o.Batch = NextInt(); break;
                case "--seconds": o.Seconds = NextInt(); break;
                case "--posters": o.Posters = NextInt(); break;
                case "--url": o.Url = new Uri(Next().TrimEnd('/') + "/"); break;
                case "--key": o.Key = Next(); break;
                case "--out": o.Out = Next(); break;
                case "--name": o.Name = Next(); break;
                case "--no-baselines": o.Baselines = false; break;
                case "--baseline-updates": o.BaselineUpdates = NextInt(); break;
                case "--weeks": o.Weeks = NextInt(); break;
                case "--redis-server": o.RedisServer = Next(); break;
                case "--drain-seconds": o.DrainSeconds = NextInt(); break;
                case "--warmup": o.WarmupSeconds = NextInt(); break;
                case "--warmup-rate": o.WarmupRate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--connect-parallelism": o.ConnectParallelism = NextInt(); break;
                case "--lean-clients": o.LeanClients = true; break;
                case "--circuits": o.Circuits = NextInt(); break;
                case "--chromium": o.Chromium = Next(); break;
                case "--circuit-board": o.CircuitBoard = Next(); break;
                case "--circuit-rounds": o.CircuitRounds = NextInt(); break;
                case "--circuit-timeout": o.CircuitTimeoutSeconds = NextInt(); break;
                case "--open-parallelism": o.OpenParallelism = NextInt(); break;
                case "--server-cpus": o.ServerCpus = Next(); break;
                case "--harness-cpus": o.HarnessCpus = Next(); break;
                case "--nodes": o.Nodes = NextInt(); break;
                case "--postgres":
                    // Passed through to every started node; it works once the PostgreSQL provider is in the app.
                    o.Postgres = Next();
                    o.ServerEnvironment.Add(new("ThiDua__Storage__Provider", "postgres"));
                    break;
                case "--rate-limit":
                    // Passed through as ThiDua:RateLimit:<name>=<value>, e.g. ExemptConfigKeys=false to load the limiter too.
                    var (name, value) = SplitPair(Next());
                    o.ServerEnvironment.Add(new("ThiDua__RateLimit__" + name, value));
                    break;
                case "--server-timing":
                    // The host's own per-request log line carries the server-side duration.
                    o.ServerTiming = true;
                    o.ServerEnvironment.Add(new("Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics", "Information"));
                    break;
                case "--server-env":
                    var (k, v) = SplitPair(Next());
                    o.ServerEnvironment.Add(new(k, v));
                    break;
                case "--smoke":
                    o.Smoke = true;
                    o.Clients = 5; o.Rate = 4; o.Seconds = 5; o.Posters = 2; o.Batch = 1; o.Baselines = false;
                    break;
                case "--help" or "-h":
                    throw new ArgumentException(Usage);
                default: throw new ArgumentException($"Unknown argument {args[i]}.\n{Usage}");
            }
        }
        if (o.Clients < 1 || o.Rate <= 0 || o.Batch < 1 || o.Seconds < 1 || o.Posters < 1 || o.BaselineUpdates < 1 || o.WarmupSeconds < 0 || o.Weeks is < 1 or > 52)
            throw new ArgumentException("clients, rate, batch, seconds, posters and baseline-updates must be positive; warmup ≥ 0; weeks 1–52.");
        if (o.Circuits < 0 || o.CircuitRounds < 1 || o.CircuitTimeoutSeconds < 1 || o.OpenParallelism < 1)
            throw new ArgumentException("circuits must be ≥ 0; circuit-rounds, circuit-timeout and open-parallelism positive.");
        if (o.Circuits > 0 && o.Smoke)
            throw new ArgumentException("--circuits and --smoke do not mix: the CI smoke never starts Chromium.");
        if (o.Circuits > 0 && o.Url is not null)
            throw new ArgumentException("--circuits starts the app itself (no --url): it reads the app's memory from /proc/<pid>.");
        if (o.WarmupRate is <= 0)
            throw new ArgumentException("--warmup-rate must be positive.");
        if (o.Nodes is < 1 or > 16)
            throw new ArgumentException("--nodes must be from 1 to 16.");
        if (o.Nodes > 1 && (o.Url is not null || o.Circuits > 0))
            throw new ArgumentException("--nodes starts the nodes itself (no --url) and drives the hub load (no --circuits).");
        if (o.Postgres is not null && o.Url is not null)
            throw new ArgumentException("--postgres is for the nodes the harness starts; with --url, start the app on PostgreSQL yourself.");
        if (o.Url is not null && !(o.Url.IsLoopback && o.Url.Host == "127.0.0.1"))
            throw new ArgumentException("--url must be on 127.0.0.1: the harness sends traffic only to this machine.");
        if (o.Name.Length == 0 && o.Circuits > 0)
            o.Name = $"circuits-{o.Circuits}";
        if (o.Name.Length == 0)
            o.Name = (o.Smoke ? "smoke" : $"c{o.Clients}-r{o.Rate.ToString(CultureInfo.InvariantCulture)}-b{o.Batch}-p{o.Posters}-t{o.Seconds}")
                + (o.Nodes > 1 ? $"-n{o.Nodes}" : "") + (o.Postgres is null ? "" : "-pg");
        return o;
    }

    private static (string, string) SplitPair(string text)
    {
        var at = text.IndexOf('=');
        if (at <= 0) throw new ArgumentException($"Expected NAME=VALUE, got '{text}'.");
        return (text[..at], text[(at + 1)..]);
    }

    public const string Usage = """
        dotnet run -c Release --project bench/ThiDua.LoadTest -- [options]
          --clients N        SignalR clients on /hubs/leaderboard (20)
          --rate R           figures per second in total (20)
          --batch B          figures per POST (1)
          --seconds T        length of the load phase (15)
          --posters P        concurrent posting loops (4)
          --lean-clients     hub clients speak the JSON hub protocol over a bare WebSocket and read only version,
                             block and group per push (the .NET SignalR client parses every message: generator CPU)
          --url URL          use a running app on 127.0.0.1 instead of starting one (then --key; start
                             that app with ThiDua__RateLimit__ExemptConfigKeys=true)
          --out DIR          results folder (bench/ThiDua.LoadTest/results)
          --name NAME        label of the run in the results
          --warmup S         post the same stream for S seconds first, unmeasured (JIT warm-up; 0)
          --warmup-rate R    figures/s during the warm-up (the run's rate; more warms a 1/s run's paths past tier 1)
          --no-baselines     skip the SQLite / Redis / sequential comparison
          --baseline-updates K  updates in the comparison (300)
          --weeks W          weekly reports per unit in the seed, 1–52 (4; 52 = the whole campaign year)
          --rate-limit NAME=VALUE  passed to the app as ThiDua__RateLimit__NAME (the harness's key is exempt by default)
          --server-env NAME=VALUE  any other environment variable for the started app
          --server-timing    log the app's own time per POST (host request log) and report it beside the client's
          --circuits K       Blazor circuits instead of the hub load: K headless Chromium pages of the board page
                             (one context, 800×600), server RSS per circuit, every page must show each update
          --chromium PATH    browser for --circuits (/usr/bin/chromium; never downloaded)
          --circuit-board B/G  board whose page is opened (phuong/tu-1500-duoi-3500)
          --circuit-rounds R   single updates of one unit on that board, each watched on every page (3)
          --circuit-timeout S  how long a page may take to show an update (30)
          --open-parallelism P pages opening at the same time (4)
          --nodes N          start N dashboard processes on one shared database (1); hub clients spread over them,
                             figures posted round-robin; every client must end equal to GET /api/v1/leaderboards on every node
          --postgres CONN    the started nodes use PostgreSQL (ThiDua__Storage__Provider=postgres and this Npgsql
                             connection string) instead of a fresh SQLite file; needs the app's PostgreSQL provider
          --server-cpus LIST   pin the started app to these CPUs (taskset syntax, e.g. 0)
          --harness-cpus LIST  pin the harness itself to these CPUs (e.g. 1), so generator and app each keep a core
          --smoke            5 clients (3 .NET SignalR, 2 lean), 5 s, 4 figures/s, no baselines; exit 1 on any lost update or state mismatch
        """;
}
