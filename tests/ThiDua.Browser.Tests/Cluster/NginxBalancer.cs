using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ThiDua.Browser.Tests.Cluster;

/// <summary>
/// Debian's nginx in front of the test nodes, configured by the file we ship
/// (deploy/nginx/thidua.conf, copied beside the tests): only its upstream servers and its listen
/// address are rewritten, so the test proves the operators' configuration, not one of its own.
/// Runs in the foreground under a private prefix; never touches /etc/nginx or port 80.
/// </summary>
public sealed partial class NginxBalancer : IDisposable
{
    private const string NginxPath = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _folder;
    private readonly ConcurrentQueue<string> _output = new();

    private NginxBalancer(Process process, string folder, Uri baseAddress)
    {
        _process = process;
        _folder = folder;
        BaseAddress = baseAddress;
    }

    /// <summary>e.g. http://127.0.0.1:41234/</summary>
    public Uri BaseAddress { get; }

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    /// <summary>Starts nginx on a free port of 127.0.0.1 in front of <paramref name="nodePorts"/> and waits until it listens.</summary>
    public static async Task<NginxBalancer> StartAsync(IReadOnlyList<int> nodePorts)
    {
        if (!File.Exists(NginxPath))
            throw new InvalidOperationException($"{NginxPath} is missing: the cluster tests need Debian's nginx (apt-get install -y nginx; .ci/run does it).");

        var folder = Directory.CreateTempSubdirectory("thidua-nginx-").FullName;
        // Run as root (CI), nginx's workers drop to "nobody" and must still write their temporary files here.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        var port = Hosting.ServerProcess.FreePort();
        var site = Rewrite(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deploy", "thidua.conf")), port, nodePorts);
        File.WriteAllText(Path.Combine(folder, "thidua.conf"), site);
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/thidua.conf;
            }
            """);

        var start = new ProcessStartInfo(NginxPath, ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var balancer = new NginxBalancer(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) balancer._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) balancer._output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                balancer.Dispose();
                throw new InvalidOperationException($"nginx exited with code {process.ExitCode}:{Environment.NewLine}{balancer.Log()}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return balancer;
            }
            catch (SocketException) { await Task.Delay(100); }
        }
        balancer.Dispose();
        throw new TimeoutException($"nginx did not listen on {port} within 15 s:{Environment.NewLine}{balancer.Log()}");
    }

    /// <summary>The shipped site with its three example servers replaced by the test's nodes and port 80 by a free port.</summary>
    internal static string Rewrite(string shipped, int port, IReadOnlyList<int> nodePorts)
    {
        var servers = ServerLine().Matches(shipped);
        if (servers.Count == 0) throw new InvalidOperationException("deploy/nginx/thidua.conf has no 'server 127.0.0.1:PORT ...;' upstream line to rewrite.");
        var options = servers[0].Groups["options"].Value;
        var indent = servers[0].Groups["indent"].Value;
        var nodes = string.Join("\n", nodePorts.Select(p => $"{indent}server 127.0.0.1:{p}{options};"));
        var site = shipped[..servers[0].Index] + nodes + "\n" + ServerLine().Replace(shipped[servers[0].Index..], "");
        site = ListenLine().Replace(site, m => m.Groups["v6"].Success ? "" : $"{m.Groups["indent"].Value}listen 127.0.0.1:{port};");
        return site;
    }

    /// <summary>nginx's own error log and output, for a failure message.</summary>
    public string Log()
    {
        var log = Path.Combine(_folder, "error.log");
        return string.Join(Environment.NewLine, _output) + (File.Exists(log) ? Environment.NewLine + File.ReadAllText(log) : "");
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
        catch (InvalidOperationException) { /* already gone */ }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a leftover temp folder is harmless */ }
        catch (UnauthorizedAccessException) { /* files a worker left behind */ }
    }

    [GeneratedRegex(@"^(?<indent>[ \t]*)server 127\.0\.0\.1:\d+(?<options>[^;\n]*);[ \t]*\n?", RegexOptions.Multiline)]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"^(?<indent>[ \t]*)listen (?:(?<v6>\[::\]):)?80;[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex ListenLine();
}
