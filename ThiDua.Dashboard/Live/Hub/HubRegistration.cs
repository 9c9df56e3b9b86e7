using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Live.Hub;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

// In the parent namespace, which Program.cs already imports, so registering the hub takes one line.
namespace ThiDua.Dashboard.Live;

public static class HubRegistration
{
    /// <summary>SignalR with the HTTP API's JSON settings, the hub, and the broadcaster that feeds it from the notifier.</summary>
    public static IServiceCollection AddLeaderboardHub(this IServiceCollection services)
    {
        services.AddSignalR().AddJsonProtocol();
        // Naming and converters are copied from the HTTP API's options rather than repeated, so a client
        // reads the same field and enum names from the hub as from GET /api/v1/leaderboards, even after
        // those settings change. SignalR's other defaults stay: the options are shared by every hub,
        // Blazor's circuit hub included.
        services.AddOptions<JsonHubProtocolOptions>()
            .Configure<IOptions<HttpJsonOptions>>((hub, http) => CopyNaming(http.Value.SerializerOptions, hub.PayloadSerializerOptions));
        services.AddHostedService<LeaderboardBroadcaster>();
        return services;
    }

    private static void CopyNaming(JsonSerializerOptions from, JsonSerializerOptions to)
    {
        to.PropertyNamingPolicy = from.PropertyNamingPolicy;
        foreach (var converter in from.Converters)
            if (!to.Converters.Contains(converter)) to.Converters.Add(converter);
    }

    public static IEndpointRouteBuilder MapLeaderboardHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<LeaderboardHub>(LeaderboardHub.Path);
        return endpoints;
    }
}
