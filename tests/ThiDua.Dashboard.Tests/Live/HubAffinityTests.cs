using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using ThiDua.Dashboard.Live.Hub;
using ThiDua.Dashboard.Tests.Api;

namespace ThiDua.Dashboard.Tests.Live;

/// <summary>
/// What docs/operators.md says about the hub behind a balancer without affinity, checked on two app
/// instances on one database: a negotiated connection only exists on the node that negotiated it, while
/// a WebSocket client that skips negotiation needs a single request and so works on whichever node it reaches.
/// </summary>
public sealed class HubAffinityTests : IAsyncDisposable
{
    private readonly string _file = ApiHost.NewDatabaseFile();
    private readonly List<ApiHost> _nodes = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        ApiHost.DeleteDatabase(_file);
    }

    private ApiHost Node()
    {
        var node = new ApiHost(_file);
        _nodes.Add(node);
        return node;
    }

    private static Uri Hub(ApiHost node, string scheme = "http") =>
        new UriBuilder(new Uri(node.BaseAddress, LeaderboardHub.Path.TrimStart('/'))) { Scheme = scheme }.Uri;

    [Fact]
    public async Task NegotiatedConnection_WebSocketOnAnotherNode_IsRefused()
    {
        // Arrange: what a client does that negotiates, when the balancer sends its second request elsewhere.
        var first = Node();
        var second = Node();
        using var negotiate = await first.Client.PostAsync(Hub(first) + "/negotiate?negotiateVersion=1", null);
        var token = (await negotiate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();
        using var socket = new ClientWebSocket();

        // Act
        var error = await Record.ExceptionAsync(() => socket.ConnectAsync(new Uri(Hub(second, "ws") + "?id=" + token), CancellationToken.None));

        // Assert
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.IsType<WebSocketException>(error);
        Assert.NotEqual(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task SkipNegotiation_WebSocketClient_WorksOnEitherNode()
    {
        // Arrange
        var first = Node();
        var second = Node();

        // Act
        var boards = new List<int>();
        foreach (var node in new[] { first, second })
        {
            await using var connection = new HubConnectionBuilder()
                .WithUrl(Hub(node), options => { options.SkipNegotiation = true; options.Transports = HttpTransportType.WebSockets; })
                .Build();
            await connection.StartAsync();
            var leaderboards = await connection.InvokeAsync<JsonElement>(nameof(LeaderboardHub.GetLeaderboards));
            boards.Add(leaderboards.GetProperty("boards").GetArrayLength());
        }

        // Assert
        Assert.All(boards, count => Assert.True(count > 0));
        Assert.Equal(boards[0], boards[1]);
    }
}
