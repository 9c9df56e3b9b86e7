using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using ThiDua.Browser.Tests.Browser;
using ThiDua.Browser.Tests.Hosting;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests.Cluster;

/// <summary>
/// Issue 16, proven on this machine: PostgreSQL, three dashboard processes on 127.0.0.1 and the
/// shipped nginx configuration in front of them. Every node keeps its own engines; what one node
/// commits, the others read back by version.
/// </summary>
public sealed partial class ClusterTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Block = "phuong";
    private const string Group = "tu-3500";
    private const long Dossiers = 4_000;

    [Fact]
    public async Task FigurePostedToNodeOne_ReachesAHubClientOnNodeThree_WithTheSameVersion()
    {
        // Arrange
        await using var cluster = await ClusterNodes.StartAsync(3);
        var wards = await WardsAsync(cluster.Nodes[0]);
        var heard = new ConcurrentQueue<JsonElement>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(cluster.Nodes[2].Url("hubs/leaderboard"), options => { options.SkipNegotiation = true; options.Transports = HttpTransportType.WebSockets; })
            .Build();
        hub.On<JsonElement>("LeaderboardChanged", change => heard.Enqueue(change));
        await hub.StartAsync();

        // Act
        var version = await cluster.Nodes[0].PostFiguresAsync(Figures.OnlyContentC(wards[0], 6_996, Dossiers));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!heard.Any(change => change.GetProperty("version").GetInt64() == version) && DateTime.UtcNow < deadline) await Task.Delay(50);

        // Assert
        var change = Assert.Single(heard, c => c.GetProperty("version").GetInt64() == version && c.GetProperty("block").GetString() == Block && c.GetProperty("group").GetString() == Group);
        Assert.Contains(change.GetProperty("entries").EnumerateArray(), e => e.GetProperty("unit").GetString() == wards[0] && e.GetProperty("score").GetDouble() == 87.45);
        var one = await ClusterNodes.LeaderboardsAsync(cluster.Nodes[0].BaseAddress);
        var three = await ClusterNodes.LeaderboardsAsync(cluster.Nodes[2].BaseAddress);
        Assert.Equal(version, three.Version);
        Assert.Equal(one, three);
    }

    [Fact]
    public async Task ConcurrentPostersOnEveryNode_LoseNothing_AndTheFinalVersionCountsEveryBatch()
    {
        // Arrange
        const int BatchesPerNode = 15;
        await using var cluster = await ClusterNodes.StartAsync(3);
        var wards = await WardsAsync(cluster.Nodes[0]);
        var before = await ClusterNodes.AppliedVersionAsync(cluster.Nodes[0]);

        // Act: one poster per node, all at once, each on its own wards.
        var posters = cluster.Nodes.Select((node, index) => Task.Run(async () =>
        {
            var acknowledged = new List<(string Unit, long Numerator, long Version)>();
            for (var i = 0; i < BatchesPerNode; i++)
            {
                var unit = wards[index * 3 + i % 3];
                var numerator = 5_000 + index * 100 + i;
                acknowledged.Add((unit, numerator, await node.PostFiguresAsync(Figures.OnlyContentC(unit, numerator, Dossiers))));
            }
            return acknowledged;
        })).ToList();
        var batches = (await Task.WhenAll(posters)).SelectMany(list => list).ToList();
        var final = before + batches.Count;
        await cluster.WaitForVersionAsync(final, cluster.Nodes);

        // Assert: no version given twice, none skipped, every node at the same boards.
        Assert.Equal(Enumerable.Range(1, batches.Count).Select(i => before + i), batches.Select(b => b.Version).Order());
        var boards = await Task.WhenAll(cluster.Nodes.Select(node => ClusterNodes.LeaderboardsAsync(node.BaseAddress)));
        Assert.All(boards, board => Assert.Equal(boards[0], board));
        Assert.All(boards, board => Assert.Equal(final, board.Version));
        await AssertStoredAsync(cluster.Nodes[1], batches);
    }

    [Fact]
    public async Task NodeKilledUnderLoad_LosesNoAcknowledgedFigure_AndItsPageReconnectsToTheSameBoards()
    {
        // Arrange: a board page through nginx, and the node that serves its circuit.
        await using var cluster = await ClusterNodes.StartAsync(3);
        var wards = await WardsAsync(cluster.Nodes[0]);
        await using var screen = await browser.NewPageAsync();
        await screen.OpenAsync(cluster.Balancer.Url($"bang-xep-hang/{Block}?nhom={Group}"));
        var victim = await CircuitNodeAsync(cluster);
        var survivors = cluster.Nodes.Where(node => node != victim).ToList();
        output.WriteLine($"The page's circuit is on {victim.BaseAddress}; killing it under load.");

        // Act: posters on every node; the page's node dies under them.
        using var stop = new CancellationTokenSource();
        var posters = cluster.Nodes.Select((node, index) => Task.Run(() => PostUntilStoppedAsync(node, wards[index * 3], stop.Token))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2));
        victim.Kill();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        var batches = (await Task.WhenAll(posters)).SelectMany(list => list).ToList();

        // Assert: every acknowledged figure is stored and counted; the others carried on.
        Assert.All(survivors, node => Assert.Contains(batches, b => b.Unit == wards[cluster.Nodes.ToList().IndexOf(node) * 3]));
        var final = batches.Max(b => b.Version);
        await cluster.WaitForVersionAsync(final, survivors);
        await AssertStoredAsync(survivors[0], batches);
        Assert.Equal(batches.Count, batches.Select(b => b.Version).Distinct().Count());

        // ... and the page, with nobody touching it, came back through nginx on another node showing what the API shows.
        var page = screen.Page;
        await Expect(page.Locator(".thidua-root[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        var (_, boards) = await ClusterNodes.LeaderboardsAsync(cluster.Balancer.BaseAddress);
        var expected = BoardRows(boards);
        var rows = page.Locator("[data-testid=board] tr[data-unit]");
        await Expect(rows).ToHaveCountAsync(expected.Count, new() { Timeout = 30_000 });
        for (var i = 0; i < expected.Count; i++)
        {
            await Expect(rows.Nth(i)).ToHaveAttributeAsync("data-unit", expected[i].Unit, new() { Timeout = 30_000 });
            await Expect(rows.Nth(i).Locator(".thidua-score")).ToHaveTextAsync(expected[i].Score);
        }
        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
    }

    /// <summary>Posts one batch after another to the node until told to stop or the node dies; returns what it acknowledged.</summary>
    private static async Task<List<(string Unit, long Numerator, long Version)>> PostUntilStoppedAsync(ServerProcess node, string unit, CancellationToken stop)
    {
        var acknowledged = new List<(string Unit, long Numerator, long Version)>();
        for (var numerator = 5_000L; !stop.IsCancellationRequested; numerator++)
        {
            try
            {
                acknowledged.Add((unit, numerator, await node.PostFiguresAsync(Figures.OnlyContentC(unit, numerator, Dossiers))));
            }
            catch (HttpRequestException)
            {
                // The node died with the request in flight: not acknowledged, so nothing is promised.
                break;
            }
        }
        return acknowledged;
    }

    /// <summary>Every acknowledged figure is among the unit's stored figures, read on <paramref name="node"/>.</summary>
    private static async Task AssertStoredAsync(ServerProcess node, IEnumerable<(string Unit, long Numerator, long Version)> batches)
    {
        using var client = new HttpClient { BaseAddress = node.BaseAddress };
        foreach (var unit in batches.GroupBy(b => b.Unit))
        {
            var stored = (await client.GetFromJsonAsync<JsonElement>($"api/v1/units/{unit.Key}/figures")).GetProperty("figures").EnumerateArray()
                .Where(f => f.GetProperty("indicator").GetString() == "c")
                .Select(f => f.GetProperty("numerator").GetInt64())
                .ToHashSet();
            Assert.All(unit, batch => Assert.Contains(batch.Numerator, stored));
        }
    }

    /// <summary>The wards of the group every test posts into (at least nine of them, current ones only).</summary>
    private static async Task<List<string>> WardsAsync(ServerProcess node)
    {
        using var client = new HttpClient { BaseAddress = node.BaseAddress };
        var units = await client.GetFromJsonAsync<JsonElement>("api/v1/units");
        var wards = units.EnumerateArray()
            .Where(u => u.GetProperty("block").GetString() == Block && u.GetProperty("activeTo").ValueKind == JsonValueKind.Null)
            .Select(u => u.GetProperty("code").GetString()!)
            .ToList();
        Assert.True(wards.Count >= 9, $"The seed has {wards.Count} current wards; the cluster tests need nine.");
        return wards;
    }

    /// <summary>The node whose /metrics counts the page's circuit.</summary>
    private static async Task<ServerProcess> CircuitNodeAsync(ClusterNodes cluster)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var node in cluster.Nodes)
            {
                using var scraper = new HttpClient { BaseAddress = node.BaseAddress };
                if (CircuitsSample().Match(await scraper.GetStringAsync("metrics")) is { Success: true } match
                    && int.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture) > 0)
                    return node;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("No node counts the page's circuit on /metrics.");
    }

    /// <summary>The (unit, score as the page prints it) rows of the test's board in rank order.</summary>
    private static List<(string Unit, string Score)> BoardRows(string boards)
    {
        var vietnamese = CultureInfo.GetCultureInfo("vi-VN");
        var board = JsonDocument.Parse(boards).RootElement.EnumerateArray()
            .Single(b => b.GetProperty("block").GetString() == Block && b.GetProperty("group").GetString() == Group);
        return [.. board.GetProperty("entries").EnumerateArray()
            .Select(e => (e.GetProperty("unit").GetString()!, e.GetProperty("score").GetDecimal().ToString("N2", vietnamese)))];
    }

    [GeneratedRegex(@"^thidua_blazor_circuits\{[^}]*\} (?<value>\d+)", RegexOptions.Multiline)]
    private static partial Regex CircuitsSample();
}
