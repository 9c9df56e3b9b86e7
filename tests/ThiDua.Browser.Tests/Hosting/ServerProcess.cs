using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace ThiDua.Browser.Tests.Hosting;

/// <summary>
/// The dashboard as a real, separate process on a fixed port of 127.0.0.1 and a given database
/// file, so a test can kill it (SIGKILL, as a crash or a power cut would) and start a new one at
/// the same address, as a server restart does to a page left open on a wall screen.
/// </summary>
/// <remarks>
/// Runs the ThiDua.Dashboard.dll that the build copies into this test project's output, in the
/// Development environment: only there are the package assets (<c>_content/MudBlazor</c>) served
/// from the build output through the static web assets manifest that sits beside it.
/// </remarks>
public sealed class ServerProcess : IDisposable
{
    private const int OutputLinesKept = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private ServerProcess(Process process, ConcurrentQueue<string> output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    /// <summary>e.g. http://127.0.0.1:41234/</summary>
    public Uri BaseAddress { get; }

    /// <summary>The last lines the app wrote, for a failure message.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    /// <summary>A port that was free a moment ago (the listener that found it is closed again).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the app on the port and a SQLite file and waits (up to 60 s) until <c>/healthz</c> answers 200.</summary>
    public static Task<ServerProcess> StartAsync(int port, string databaseFile) =>
        StartAsync(port, new Dictionary<string, string> { ["ConnectionStrings__ThiDua"] = $"Data Source={databaseFile}" });

    /// <summary>
    /// Starts the app on the port with the given environment (its database among it) and waits (up to
    /// 60 s) until <c>/healthz</c> answers 200.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(int port, IReadOnlyDictionary<string, string> environment)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ThiDua.Dashboard.dll"), "--urls", baseAddress.ToString().TrimEnd('/')])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ThiDua__Ingest__ApiKeys__0__Name"] = "may-thu-man-hinh-treo-tuong";
        start.Environment["ThiDua__Ingest__ApiKeys__0__Key"] = AppHost.Key;
        foreach (var (name, value) in environment) start.Environment[name] = value;

        var output = new ConcurrentQueue<string>();
        void Keep(string? line)
        {
            if (line is null) return;
            output.Enqueue(line);
            while (output.Count > OutputLinesKept && output.TryDequeue(out _)) { }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        // Drain the output so a chatty log never blocks the app on a full pipe.
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, output, baseAddress);
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                var exitCode = process.ExitCode;
                server.Dispose();
                throw new InvalidOperationException($"The app exited with code {exitCode} before answering /healthz:{Environment.NewLine}{server.Output}");
            }
            try
            {
                using var response = await client.GetAsync("healthz");
                if (response.StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* not answering yet */ }
            await Task.Delay(200);
        }
        server.Dispose();
        throw new TimeoutException($"The app did not answer /healthz within 60 s:{Environment.NewLine}{server.Output}");
    }

    /// <summary>Posts one all-or-nothing batch through the public API, insists it was accepted and returns its version.</summary>
    public async Task<long> PostFiguresAsync(params object[] figures)
    {
        using var writer = new HttpClient { BaseAddress = BaseAddress };
        writer.DefaultRequestHeaders.Add("X-Api-Key", AppHost.Key);
        using var response = await writer.PostAsJsonAsync("api/v1/figures", figures);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /api/v1/figures answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("version").GetInt64();
    }

    /// <summary>The operating system's id of the app's process.</summary>
    public int ProcessId => _process.Id;

    /// <summary>SIGKILL: no shutdown hooks, no goodbye to open circuits; returns once the process is gone.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
