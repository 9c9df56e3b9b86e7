using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using ThiDua.Dashboard.Live.Hub;
using ThiDua.Dashboard.Tests.Api;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Live;

/// <summary>The real app on 127.0.0.1 with an API key and a chosen coalescing interval, plus hub clients over WebSockets.</summary>
internal sealed class HubHost : IAsyncDisposable
{
    private readonly DashboardHost _host;
    private readonly List<HubConnection> _connections = [];

    public HubHost(int coalesceMilliseconds = 100)
    {
        _host = new DashboardHost(new Dictionary<string, string?>
        {
            ["ThiDua:Ingest:ApiKeys:0:Name"] = "may-thu",
            ["ThiDua:Ingest:ApiKeys:0:Key"] = ApiHost.Key,
            ["ThiDua:Live:CoalesceMilliseconds"] = coalesceMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        BaseAddress = _host.Start();
        Client = new HttpClient { BaseAddress = BaseAddress };
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiHost.Key);
    }

    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _host.Services;

    /// <summary>A started connection that hands every <c>LeaderboardChanged</c> payload, as raw JSON, to <paramref name="onChanged"/>.</summary>
    public async Task<HubConnection> ConnectAsync(Action<JsonElement> onChanged)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, LeaderboardHub.Path.TrimStart('/')), HttpTransportType.WebSockets)
            .Build();
        connection.On(nameof(ILeaderboardClient.LeaderboardChanged), onChanged);
        _connections.Add(connection);
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Posts one batch and returns the engine version it produced.</summary>
    public async Task<long> PostFiguresAsync(params object[] items)
    {
        using var response = await Client.PostAsJsonAsync("api/v1/figures", items);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
    }

    public static object Figure(string unit, string indicator, long numerator, long? denominator = null, string asOf = "2024-06-30") =>
        new { unit, asOf, indicator, numerator, denominator };

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
            await connection.DisposeAsync();
        Client.Dispose();
        await _host.DisposeAsync();
    }
}
