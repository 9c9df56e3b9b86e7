using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Live.Hub;
using ThiDua.Dashboard.Tests.Api;
using ThiDua.Dashboard.Tests.Campaigns;
using ThiDua.Scoring.Awards;

namespace ThiDua.Dashboard.Tests.Live;

/// <summary>
/// Two app instances on one SQLite file, as two nodes on one database (issue 16): each keeps its own engines
/// and follows the batches the other commits, so boards, versions and hub pushes are equal on both.
/// </summary>
public sealed class VersionFollowerTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _file = ApiHost.NewDatabaseFile();
    private readonly List<ApiHost> _nodes = [];
    private readonly List<HubConnection> _connections = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
        foreach (var node in _nodes) await node.DisposeAsync();
        ApiHost.DeleteDatabase(_file);
    }

    private ApiHost Node()
    {
        var node = new ApiHost(_file, new Dictionary<string, string?> { ["ThiDua:Cluster:CatchUpSeconds"] = "1" });
        _nodes.Add(node);
        return node;
    }

    private async Task<MessageLog> HubClientAsync(ApiHost node)
    {
        var log = new MessageLog();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.BaseAddress, LeaderboardHub.Path.TrimStart('/')), HttpTransportType.WebSockets)
            .Build();
        connection.On<JsonElement>(nameof(ILeaderboardClient.LeaderboardChanged), log.Add);
        _connections.Add(connection);
        await connection.StartAsync();
        return log;
    }

    private static async Task<long> PostAsync(ApiHost node, params object[] figures)
    {
        using var response = await node.PostFigures(figures);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
    }

    private static async Task<JsonElement> BoardsAsync(ApiHost node) =>
        await node.Client.GetFromJsonAsync<JsonElement>("api/v1/leaderboards");

    /// <summary>Reads the node's boards until their version reaches <paramref name="version"/>; fails after a generous wait.</summary>
    private static async Task<JsonElement> BoardsAtAsync(ApiHost node, long version)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var boards = await BoardsAsync(node);
            if (boards.GetProperty("version").GetInt64() >= version || DateTime.UtcNow > until) return boards;
            await Task.Delay(100);
        }
    }

    private static async Task<long> BatchCountAsync(ApiHost node)
    {
        await using var connection = new SqliteConnection($"Data Source={node.DatabaseFile};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM batches";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task FigurePostedToOneNode_ReachesTheOtherNodesBoardsAndHubClient_WithTheSameVersion()
    {
        // Arrange
        var first = Node();
        var second = Node();
        var hub = await HubClientAsync(second);
        var figures = await Batches.DistinctWardRatesAsync(first.Client, 3);

        // Act
        var version = await PostAsync(first, figures);
        var pushed = await hub.WaitFor(m => MessageLog.Version(m) == version);
        var onSecond = await BoardsAtAsync(second, version);
        var onFirst = await BoardsAsync(first);

        // Assert
        Assert.Equal(version, MessageLog.Version(pushed));
        Assert.Equal(version, onSecond.GetProperty("version").GetInt64());
        Assert.Equal(onFirst.GetRawText(), onSecond.GetRawText());
    }

    [Fact]
    public async Task ConcurrentPostsOnBothNodes_LoseNothing_AndEndOnTheSameVersionCountingEveryBatch()
    {
        // Arrange
        var first = Node();
        var second = Node();
        var hubs = new[] { await HubClientAsync(first), await HubClientAsync(second) };
        const int perNode = 15;
        var figures = await Batches.DistinctWardRatesAsync(first.Client, 2 * perNode * 2);

        // Act: every batch two distinct figures, half the batches on each node, all at once.
        var posts = Enumerable.Range(0, 2 * perNode)
            .Select(i => PostAsync(i % 2 == 0 ? first : second, figures[2 * i], figures[2 * i + 1]))
            .ToList();
        var versions = await Task.WhenAll(posts);
        var batches = await BatchCountAsync(first);
        var onFirst = await BoardsAtAsync(first, batches);
        var onSecond = await BoardsAtAsync(second, batches);

        // Assert
        Assert.Equal(2 * perNode, batches);
        Assert.Equal(Enumerable.Range(1, 2 * perNode).Select(v => (long)v), versions.Order());
        Assert.Equal(2 * perNode * 2, await first.FigureCount());
        Assert.Equal(batches, onFirst.GetProperty("version").GetInt64());
        Assert.Equal(onFirst.GetRawText(), onSecond.GetRawText());
        foreach (var node in _nodes)
            Assert.Equal(batches, node.Services.GetRequiredService<ApplyOrder>().AppliedVersion);
        // No batch applied twice or skipped: each hub client's versions only ever rise, and both end on the same one
        // (the last batch that changed a board's entries: a batch that changes none pushes nothing).
        var last = await LastVersionsAsync(hubs);
        Assert.Equal(last[0], last[1]);
        Assert.InRange(last[0], 1, batches);
        foreach (var hub in hubs)
        {
            var seen = hub.Snapshot().Select(MessageLog.Version).ToList();
            Assert.Equal(seen.Order(), seen);
        }
    }

    /// <summary>Each client's latest pushed version, once they agree and stay so for half a second (or after a generous wait).</summary>
    private static async Task<long[]> LastVersionsAsync(IReadOnlyList<MessageLog> hubs)
    {
        var until = DateTime.UtcNow + Patience;
        long[] Last() => [.. hubs.Select(h => h.Snapshot() is { Count: > 0 } seen ? MessageLog.Version(seen[^1]) : 0)];
        while (true)
        {
            var last = Last();
            if (last.Distinct().Count() == 1)
            {
                await Task.Delay(500);
                if (Last().SequenceEqual(last)) return last;
            }
            if (DateTime.UtcNow > until) return last;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task NodeStartedAfterBatches_CatchesUp_AndFollowsLaterOnes()
    {
        // Arrange
        var first = Node();
        var figures = await Batches.DistinctWardRatesAsync(first.Client, 3);
        await PostAsync(first, figures[0]);
        await PostAsync(first, figures[1]);

        // Act
        var second = Node();
        var atStart = await BoardsAsync(second);
        var later = await PostAsync(first, figures[2]);
        var followed = await BoardsAtAsync(second, later);

        // Assert
        Assert.Equal(2, atStart.GetProperty("version").GetInt64());
        Assert.Equal(3, later);
        Assert.Equal(later, followed.GetProperty("version").GetInt64());
        Assert.Equal((await BoardsAsync(first)).GetRawText(), followed.GetRawText());
    }

    [Fact]
    public async Task HealthOnTheFollowingNode_ReportsTheVersionItApplied()
    {
        // Arrange
        var first = Node();
        var second = Node();
        var figures = await Batches.DistinctWardRatesAsync(first.Client, 1);

        // Act
        var version = await PostAsync(first, figures);
        await BoardsAtAsync(second, version);
        var health = await second.Client.GetFromJsonAsync<JsonElement>("healthz");

        // Assert
        var campaign = Assert.Single(health.GetProperty("campaigns").EnumerateArray());
        Assert.Equal(version, campaign.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task UnitStandardSetOnOneNode_ShowsOnTheOtherNodesUnits_AtTheSameVersion()
    {
        // Arrange
        var first = Node();
        var second = Node();
        var code = (await first.Client.GetFromJsonAsync<JsonElement>("api/v1/units"))[0].GetProperty("code").GetString()!;

        // Act
        using var put = await first.Writer.PutAsJsonAsync($"api/v1/units/{code}/standard", new { nq02 = "met", note = "Đạt theo biên bản kiểm tra" });
        var version = await BatchCountAsync(first);
        await BoardsAtAsync(second, version);
        var unit = (await second.Client.GetFromJsonAsync<JsonElement>("api/v1/units")).EnumerateArray().Single(u => u.GetProperty("code").GetString() == code);

        // Assert
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(1, version);
        Assert.Equal("met", unit.GetProperty("nq02").GetString());
        Assert.Equal(version, (await BoardsAsync(second)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task CityRatingDecidedOnOneNode_ReachesTheOtherNodesEngine_AndItsPages()
    {
        // Arrange
        var first = Node();
        var second = Node();

        // Act
        var status = await CityRatingAcrossNodes.DecideAndHearAsync(first, second, Patience);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(CityRating.Tot, second.Services.GetRequiredService<EngineHost>().Engine.Decisions.CityRating);
    }

    [Fact]
    public async Task CampaignCreatedActivatedAndMadeDefaultOnOneNode_IsServedByTheOtherWithoutARestart()
    {
        // Arrange: the second node has read the catalog (one campaign) before the first changes it.
        var first = Node();
        var second = Node();
        Assert.Single(await second.Client.GetFromJsonAsync<JsonElement[]>("api/v1/campaigns") ?? []);

        // Act: create, activate and make the default on the first node only.
        using (var created = await first.Writer.PostAsync("api/v1/campaigns?dryRun=false",
                   new StringContent(File.ReadAllText(GeneralityCampaign.FilePath), System.Text.Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using (var activated = await first.Writer.PostAsync($"api/v1/campaigns/{GeneralityCampaign.Code}/activate", null))
            Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        using (var chosen = await first.Writer.PostAsync($"api/v1/campaigns/{GeneralityCampaign.Code}/default", null))
            Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        var seen = await UntilAsync(async () =>
        {
            var campaigns = await second.Client.GetFromJsonAsync<JsonElement[]>("api/v1/campaigns") ?? [];
            return campaigns.Any(c => c.GetProperty("code").GetString() == GeneralityCampaign.Code
                                      && c.GetProperty("status").GetString() == "active" && c.GetProperty("isDefault").GetBoolean());
        });

        // Assert: the second node lists it, serves its boards by default and takes its figures.
        Assert.True(seen, "the second node never listed the campaign the first created, activated and made the default");
        var boards = await second.Client.GetFromJsonAsync<JsonElement>("api/v1/leaderboards");
        Assert.Contains(boards.GetProperty("boards").EnumerateArray(), b => b.GetProperty("block").GetString() == "so-ban-nganh");
        using var posted = await second.Writer.PostAsJsonAsync($"api/v1/figures?campaign={GeneralityCampaign.Code}",
            new[] { new { unit = "p-cai-rang", asOf = "2026-03-02", indicator = "dung-han", numerator = 9L, denominator = (long?)10 } });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    private static async Task<bool> UntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < until)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }
        return false;
    }
}
