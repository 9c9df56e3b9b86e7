using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ThiDua.Dashboard.Tests.Durability;

/// <summary>
/// The dashboard as a real, separate process (so it can be killed with SIGKILL, as a power cut
/// or an OOM kill would), on a free port on 127.0.0.1 and a given database file.
/// </summary>
internal sealed class AppProcess : IDisposable
{
    public const string Key = "crash-test-key-0123456789";

    private readonly Process _process;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<AppProcess> StartAsync(string databaseFile)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ThiDua.Dashboard.dll"), "--urls", address.ToString().TrimEnd('/')])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__ThiDua"] = $"Data Source={databaseFile}";
        start.Environment["ThiDua__Ingest__ApiKeys__0__Name"] = "crash-test";
        start.Environment["ThiDua__Ingest__ApiKeys__0__Key"] = Key;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Drain the output so a chatty log never blocks the app on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited with code {process.ExitCode} before answering.");
            try
            {
                if ((await client.GetAsync("healthz")).StatusCode == HttpStatusCode.OK) return new AppProcess(process, address);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The app did not answer /healthz within 60 s.");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, nothing graceful.</summary>
    public void KillHard()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
