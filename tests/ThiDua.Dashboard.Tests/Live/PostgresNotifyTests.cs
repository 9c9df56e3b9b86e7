using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Tests.Api;
using ThiDua.Dashboard.Tests.Hosting;
using ThiDua.Scoring.Awards;

namespace ThiDua.Dashboard.Tests.Live;

/// <summary>
/// Issue 16 on PostgreSQL: the database NOTIFYs every commit and every node LISTENs, so a change made on one
/// node reaches the others at once, not at the follower's next periodic check — here a minute away, the
/// longest the setting allows, so only the notification can explain a change seen within seconds.
/// </summary>
public sealed class PostgresNotifyTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>, IAsyncDisposable
{
    private static readonly TimeSpan WellBeforeTheCheck = TimeSpan.FromSeconds(10);

    private readonly TestStorage _storage = TestStorage.For(ApiHost.NewDatabaseFile(), postgres);
    private readonly List<ApiHost> _nodes = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        _storage.Delete();
    }

    private ApiHost Node()
    {
        var node = new ApiHost(_storage, new Dictionary<string, string?> { ["ThiDua:Cluster:CatchUpSeconds"] = "60" });
        _nodes.Add(node);
        return node;
    }

    /// <summary>Both nodes have started and done their start-up catch-up; from here only a signal or the minute moves them.</summary>
    private async Task<(ApiHost First, ApiHost Second)> TwoNodesAsync()
    {
        var first = Node();
        var second = Node();
        await first.Client.GetAsync("healthz");
        await second.Client.GetAsync("healthz");
        return (first, second);
    }

    [Fact]
    public async Task FigurePostedOnOneNode_ShowsOnTheOtherWithinSeconds_ThoughItsCheckIsAMinuteAway()
    {
        // Arrange
        var (first, second) = await TwoNodesAsync();
        var figures = await Batches.DistinctWardRatesAsync(first.Client, 2);

        // Act
        using var response = await first.PostFigures(figures);
        var version = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        var until = DateTime.UtcNow + WellBeforeTheCheck;
        JsonElement onSecond;
        while ((onSecond = await second.Client.GetFromJsonAsync<JsonElement>("api/v1/leaderboards")).GetProperty("version").GetInt64() < version
               && DateTime.UtcNow < until)
            await Task.Delay(50);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(version, onSecond.GetProperty("version").GetInt64());
        var onFirst = await first.Client.GetFromJsonAsync<JsonElement>("api/v1/leaderboards");
        Assert.Equal(onFirst.GetRawText(), onSecond.GetRawText());
    }

    [Fact]
    public async Task CityRatingDecidedOnOneNode_ReachesTheOtherWithinSeconds()
    {
        // Arrange: a committee decision raises no version; its table's trigger notifies all the same.
        var (first, second) = await TwoNodesAsync();

        // Act
        var status = await CityRatingAcrossNodes.DecideAndHearAsync(first, second, WellBeforeTheCheck);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(CityRating.Tot, second.Services.GetRequiredService<EngineHost>().Engine.Decisions.CityRating);
    }
}
