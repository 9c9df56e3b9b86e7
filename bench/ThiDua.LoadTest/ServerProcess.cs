using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ThiDua.LoadTest;

/// <summary>
/// The dashboard as its own process on 127.0.0.1 with a fresh database in a temporary folder, so
/// its CPU and memory can be read from /proc apart from the load generator's. With several nodes, every
/// process is given the same database (a shared SQLite file or a PostgreSQL connection string).
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly string? _folder;

    private ServerProcess(Process process, Uri address, string? folder)
    {
        _process = process;
        Address = address;
        _folder = folder;
    }

    public Uri Address { get; }

    private List<double> _postTimes = [];

    /// <summary>Server-side POST /api/v1/figures durations logged since the last call (empty without --server-timing).</summary>
    public List<double> TakePostTimes()
    {
        lock (_postTimes)
        {
            var taken = new List<double>(_postTimes);
            _postTimes.Clear();
            return taken;
        }
    }
    public int Pid => _process.Id;

    /// <param name="database">The connection string of a database shared with other nodes (the caller removes it);
    /// null for a fresh SQLite file in a temporary folder this process owns.</param>
    public static async Task<ServerProcess> StartAsync(string key, IEnumerable<KeyValuePair<string, string>> environment, string? cpus = null,
        string? database = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ThiDua.Dashboard.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("The dashboard's build output is not beside the harness.", dll);
        var folder = database is null ? Directory.CreateTempSubdirectory("thidua-load-").FullName : null;
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        // taskset execs dotnet in place, so the pid read from /proc stays the app's.
        string[] command = ["dotnet", dll, "--urls", $"http://127.0.0.1:{port}"];
        if (cpus is not null) command = ["taskset", "-c", cpus, .. command];
        var start = new ProcessStartInfo(command[0], command[1..])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__ThiDua"] = database ?? $"Data Source={Path.Combine(folder!, "thidua.db")}";
        start.Environment["ThiDua__Ingest__ApiKeys__0__Name"] = "load-test";
        start.Environment["ThiDua__Ingest__ApiKeys__0__Key"] = key;
        // The harness's own key is a configuration key, rate-limited by the shipped default: exempt it for
        // the harness's own runs (--rate-limit ExemptConfigKeys=false loads the limiter too).
        start.Environment["ThiDua__RateLimit__ExemptConfigKeys"] = "true";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Drain the output so a chatty log never blocks the app on a full pipe.
        var server0 = new List<double>();
        process.OutputDataReceived += (_, e) =>
        {
            // With --server-timing the host logs "Request finished HTTP/1.1 POST …/api/v1/figures … - 200 … 12.3456ms":
            // the server's own time per POST, to tell server delay from the generator's.
            if (e.Data is { } line && line.Contains("Request finished", StringComparison.Ordinal) && line.Contains("POST", StringComparison.Ordinal)
                && line.Contains("/api/v1/figures", StringComparison.Ordinal) && line.EndsWith("ms", StringComparison.Ordinal)
                && double.TryParse(line[(line.LastIndexOf(' ') + 1)..^2], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                lock (server0) server0.Add(ms);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && line.Contains("fail", StringComparison.Ordinal)) Console.Error.WriteLine("[app] " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, address, folder) { _postTimes = server0 };
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                server.Dispose();
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before answering.");
            }
            try
            {
                if ((await client.GetAsync("healthz")).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        server.Dispose();
        throw new TimeoutException("The app did not answer /healthz within 60 s.");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        if (_folder is not null)
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>CPU time and memory of a process from /proc (Linux only; zeros elsewhere).</summary>
public static class ProcStats
{
    // USER_HZ is 100 on every Linux the harness targets (x86-64 and arm64 kernels fix it at 100).
    private const double TicksPerSecond = 100;

    /// <summary>User + system CPU seconds used so far.</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces, so fields are counted after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException) { return 0; }
    }

    /// <summary>
    /// CPU seconds of every live process named <c>postgres</c> (the server, its background workers and the
    /// nodes' pooled backends, which live as long as their pooled connections): the database's share of a run.
    /// </summary>
    public static double PostgresCpuSeconds()
    {
        var total = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && IsPostgres(pid))
                total += CpuSeconds(pid);
        return total;
    }

    private static bool IsPostgres(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim() == "postgres"; }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>
    /// CPU seconds (own, plus children already reaped) of every live descendant of <paramref name="rootPid"/>,
    /// leaving out <paramref name="excludePid"/> and its subtree: e.g. the Playwright driver and Chromium's
    /// processes under the harness, without the app it also started.
    /// </summary>
    public static double DescendantsCpuSeconds(int rootPid, int excludePid)
    {
        var parentOf = new Dictionary<int, int>();
        var cpuOf = new Dictionary<int, double>();
        try
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    parentOf[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                    cpuOf[pid] = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
                                  + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / TicksPerSecond;
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }

        double total = 0;
        foreach (var (pid, seconds) in cpuOf)
        {
            if (pid == rootPid || pid == excludePid) continue;
            // Walk up the parents, bounded: a descendant meets the root before the excluded process or pid 1.
            var current = parentOf.GetValueOrDefault(pid);
            for (var depth = 0; depth < 64 && current > 1 && current != excludePid; depth++)
            {
                if (current == rootPid) { total += seconds; break; }
                current = parentOf.GetValueOrDefault(current);
            }
        }
        return total;
    }

    /// <summary>A field of /proc/pid/status in MiB, e.g. VmHWM (peak RSS) or VmRSS.</summary>
    public static double StatusMiB(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                    return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException) { }
        return 0;
    }
}
