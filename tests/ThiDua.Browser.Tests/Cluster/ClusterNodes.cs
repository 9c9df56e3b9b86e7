using System.Net.Http.Json;
using System.Text.Json;
using ThiDua.Browser.Tests.Hosting;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Browser.Tests.Cluster;

/// <summary>
/// Issue 16's cluster as an operator runs it, on 127.0.0.1: one throwaway PostgreSQL database, N
/// dashboard processes on it (the same settings as deploy/thidua.env: provider postgres, metrics on)
/// and the shipped nginx configuration in front of them.
/// </summary>
public sealed class ClusterNodes : IAsyncDisposable
{
    private readonly PostgresTestDatabase _database;

    private ClusterNodes(PostgresTestDatabase database, IReadOnlyList<ServerProcess> nodes, NginxBalancer balancer)
    {
        _database = database;
        Nodes = nodes;
        Balancer = balancer;
    }

    public IReadOnlyList<ServerProcess> Nodes { get; }

    public NginxBalancer Balancer { get; }

    public static async Task<ClusterNodes> StartAsync(int count)
    {
        var database = new PostgresTestDatabase();
        await database.InitializeAsync();
        var nodes = new List<ServerProcess>();
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["ThiDua__Storage__Provider"] = "postgres",
                ["ConnectionStrings__ThiDua"] = database.ConnectionString,
                ["ThiDua__Metrics__Enabled"] = "true",
            };
            // All at once, as an operator's script or systemd starts them: one migrates the empty database and
            // creates the first administrator while the others wait for it or find them done.
            var starting = Enumerable.Range(0, count).Select(_ => ServerProcess.StartAsync(ServerProcess.FreePort(), environment)).ToList();
            try
            {
                await Task.WhenAll(starting);
            }
            finally
            {
                nodes.AddRange(starting.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
            }
            var balancer = await NginxBalancer.StartAsync([.. nodes.Select(n => n.BaseAddress.Port)]);
            return new ClusterNodes(database, nodes, balancer);
        }
        catch
        {
            foreach (var node in nodes) node.Dispose();
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>The default campaign's version a node has applied, from its <c>/healthz</c>.</summary>
    public static async Task<long> AppliedVersionAsync(ServerProcess node)
    {
        using var client = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var health = await client.GetFromJsonAsync<JsonElement>("healthz");
        return health.GetProperty("version").GetInt64();
    }

    /// <summary>Waits (up to <paramref name="seconds"/>) until every live node has applied <paramref name="version"/>.</summary>
    public async Task WaitForVersionAsync(long version, IEnumerable<ServerProcess> nodes, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        foreach (var node in nodes)
        {
            long applied;
            while ((applied = await AppliedVersionAsync(node)) < version)
            {
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"{node.BaseAddress} applied version {applied}, not {version}, within {seconds} s:{Environment.NewLine}{node.Output}");
                await Task.Delay(100);
            }
        }
    }

    /// <summary><c>GET /api/v1/leaderboards</c> on one node, its boards as JSON text for comparison.</summary>
    public static async Task<(long Version, string Boards)> LeaderboardsAsync(Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var answer = await client.GetFromJsonAsync<JsonElement>("api/v1/leaderboards");
        return (answer.GetProperty("version").GetInt64(), answer.GetProperty("boards").GetRawText());
    }

    public async ValueTask DisposeAsync()
    {
        Balancer.Dispose();
        foreach (var node in Nodes) node.Dispose();
        await _database.DisposeAsync();
    }
}
