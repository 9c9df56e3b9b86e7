using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Live.Hub;
using ThiDua.Scoring.Rules;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ThiDua.Dashboard.Tests.Live;

public sealed class LeaderboardHubTests
{
    private const string Unit = "p-an-hoa";
    private const string Block = "phuong";
    private const string Group = "tu-1500-duoi-3500"; // where 2,400 dossiers put a ward

    private static string Json(JsonElement element) => JsonSerializer.Serialize(element);

    private static JsonElement? EntryOf(JsonElement board, string unit) =>
        board.GetProperty("entries").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(e => e!.Value.GetProperty("unit").GetString() == unit);

    private static async Task<JsonElement> HttpBoardOf(HubHost host, string unit) =>
        (await host.Client.GetFromJsonAsync<JsonElement>("api/v1/leaderboards")).GetProperty("boards").EnumerateArray()
            .Single(b => EntryOf(b, unit) is not null);

    [Fact]
    public async Task LeaderboardHub_FiguresPosted_PushesChangedBoardWithPostedVersionAndEntries()
    {
        // Arrange
        await using var host = new HubHost();
        var log = new MessageLog();
        await host.ConnectAsync(log.Add);
        var before = EntryOf(await HttpBoardOf(host, Unit), Unit)!.Value.GetProperty("score").GetDecimal();

        // Act
        var version = await host.PostFiguresAsync(HubHost.Figure(Unit, "c", 82, 100), HubHost.Figure(Unit, "dossiers", 2400));
        var message = await log.WaitFor(m => MessageLog.IsBoard(m, Block, Group) && MessageLog.Version(m) == version);

        // Assert
        var board = await HttpBoardOf(host, Unit);
        Assert.Equal((Block, Group), (board.GetProperty("block").GetString(), board.GetProperty("group").GetString()));
        Assert.NotEqual(before, EntryOf(message, Unit)!.Value.GetProperty("score").GetDecimal());
        Assert.Equal(Json(board.GetProperty("entries")), Json(message.GetProperty("entries")));
        Assert.Equal(board.GetProperty("blockName").GetString(), message.GetProperty("blockName").GetString());
        Assert.Equal(board.GetProperty("awardSlots").GetInt32(), message.GetProperty("awardSlots").GetInt32());
        var leaderboards = await host.Client.GetFromJsonAsync<JsonElement>("api/v1/leaderboards");
        Assert.Equal(leaderboards.GetProperty("asOf").GetString(), message.GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task LeaderboardHub_GetLeaderboards_EqualsHttpLeaderboards()
    {
        // Arrange
        await using var host = new HubHost();
        var connection = await host.ConnectAsync(_ => { });
        await host.PostFiguresAsync(
            HubHost.Figure(Unit, "c", 90, 100), HubHost.Figure(Unit, "dossiers", 4000),
            HubHost.Figure("p-cai-khe", "c", 40, 100), HubHost.Figure("p-cai-khe", "dossiers", 3900));

        // Act
        var fromHub = await connection.InvokeAsync<JsonElement>(nameof(LeaderboardHub.GetLeaderboards));
        var fromHttp = await host.Client.GetFromJsonAsync<JsonElement>("api/v1/leaderboards");

        // Assert
        Assert.Equal(1, fromHub.GetProperty("version").GetInt64());
        Assert.Equal(Json(fromHttp), Json(fromHub));
    }

    [Fact]
    public async Task LeaderboardHub_BurstOfPosts_CoalescesToAtMostOnePerIntervalEndingOnFinalVersion()
    {
        // Arrange
        const int interval = 500;
        const int posts = 30;
        await using var host = new HubHost(coalesceMilliseconds: interval);
        var log = new MessageLog();
        await host.ConnectAsync(log.Add);
        var placed = await host.PostFiguresAsync(HubHost.Figure(Unit, "c", 1, 100), HubHost.Figure(Unit, "dossiers", 2400));
        await log.WaitFor(m => MessageLog.IsBoard(m, Block, Group) && MessageLog.Version(m) == placed);

        // Act: each post moves the unit's score, so each one changes the board.
        var clock = Stopwatch.StartNew();
        var last = 0L;
        for (var i = 0; i < posts; i++)
            last = await host.PostFiguresAsync(HubHost.Figure(Unit, "c", 31 + i, 100));
        await log.WaitFor(m => MessageLog.IsBoard(m, Block, Group) && MessageLog.Version(m) == last);
        var elapsed = clock.Elapsed;

        // Assert
        var burst = log.Snapshot()
            .Where(m => MessageLog.IsBoard(m, Block, Group) && MessageLog.Version(m) > placed)
            .Select(MessageLog.Version)
            .ToList();
        Assert.Equal(placed + posts, last);
        Assert.InRange(burst.Count, 1, elapsed.TotalMilliseconds / interval + 2);
        Assert.Equal(burst.Order(), burst);
        Assert.Equal(burst.Distinct(), burst);
        Assert.Equal(last, burst[^1]);
    }

    [Fact]
    public async Task HubJson_NamesAndEnums_SameAsHttpApi()
    {
        // Arrange
        await using var host = new HubHost();
        var hub = host.Services.GetRequiredService<IOptions<JsonHubProtocolOptions>>().Value.PayloadSerializerOptions;
        var http = host.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        var sample = new { WhenNothingArose = NothingArosePolicy.Exclude, AwardSlots = 3 };

        // Act
        var fromHub = JsonSerializer.Serialize(sample, hub);
        var fromHttp = JsonSerializer.Serialize(sample, http);

        // Assert
        Assert.Equal("""{"whenNothingArose":"exclude","awardSlots":3}""", fromHub);
        Assert.Equal(fromHttp, fromHub);
    }

    [Fact]
    public async Task LeaderboardBroadcaster_Stopped_DisposesItsSubscription()
    {
        // Arrange
        await using var host = new HubHost();
        var notifier = host.Services.GetRequiredService<LeaderboardNotifier>();
        var broadcaster = host.Services.GetServices<IHostedService>().OfType<LeaderboardBroadcaster>().Single();
        var subscribed = notifier.SubscriberCount;

        // Act
        await broadcaster.StopAsync(CancellationToken.None);

        // Assert
        Assert.Equal(subscribed - 1, notifier.SubscriberCount);
    }
}
