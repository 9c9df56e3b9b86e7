using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using ThiDua.Dashboard.Live.Hub;
using ThiDua.Dashboard.Tests.Api;
using ThiDua.Dashboard.Tests.Campaigns;

namespace ThiDua.Dashboard.Tests.CampaignCore;

/// <summary>The real app (admin key, short coalescing) with the generality test campaign (Campaigns/TestData/chuyen-doi-so-2026.json) at hand.</summary>
internal sealed class CampaignApiHost : IAsyncDisposable
{
    public const string TestCode = GeneralityCampaign.Code;
    public const string DefaultCode = "can-tho-2024";

    private readonly List<HubConnection> _connections = [];

    public CampaignApiHost(string? databaseFile = null)
    {
        Api = new ApiHost(databaseFile ?? ApiHost.NewDatabaseFile(), new Dictionary<string, string?> { ["ThiDua:Live:CoalesceMilliseconds"] = "50" });
    }

    public ApiHost Api { get; }

    public HttpClient Admin => Api.Writer;

    public HttpClient Anonymous => Api.Client;

    public static string CampaignFile() => File.ReadAllText(GeneralityCampaign.FilePath);

    public Task<HttpResponseMessage> ImportAsync(string json, string dryRun = "false") =>
        Admin.PostAsync($"api/v1/campaigns?dryRun={dryRun}", new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Imports and activates the test campaign.</summary>
    public async Task ActivateTestCampaignAsync()
    {
        using var created = await ImportAsync(CampaignFile());
        created.EnsureSuccessStatusCode();
        using var activated = await Admin.PostAsync($"api/v1/campaigns/{TestCode}/activate", null);
        activated.EnsureSuccessStatusCode();
    }

    public async Task<long> PostFiguresAsync(string? campaign, params object[] figures)
    {
        using var response = await Admin.PostAsJsonAsync(campaign is null ? "api/v1/figures" : $"api/v1/figures?campaign={campaign}", figures);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
    }

    public static object Figure(string unit, string indicator, long numerator, long? denominator, string asOf) =>
        new { unit, asOf, indicator, numerator, denominator };

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Anonymous.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<HubConnection> ConnectAsync(Action<JsonElement> onChanged)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Api.BaseAddress, LeaderboardHub.Path.TrimStart('/')), HttpTransportType.WebSockets)
            .Build();
        connection.On(nameof(ILeaderboardClient.LeaderboardChanged), onChanged);
        _connections.Add(connection);
        await connection.StartAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
        var file = Api.DatabaseFile;
        await Api.DisposeAsync();
        ApiHost.DeleteDatabase(file);
    }
}
