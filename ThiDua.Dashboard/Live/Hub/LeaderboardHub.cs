using Microsoft.AspNetCore.SignalR;
using ThiDua.Dashboard.Api;

namespace ThiDua.Dashboard.Live.Hub;

/// <summary>
/// Live leaderboards. Clients call <see cref="GetLeaderboards"/> once for the full picture, then
/// apply the <see cref="ILeaderboardClient.LeaderboardChanged"/> pushes that
/// <see cref="LeaderboardBroadcaster"/> sends; the hub itself holds no state.
/// </summary>
public sealed class LeaderboardHub(EngineHost host) : Hub<ILeaderboardClient>
{
    public const string Path = "/hubs/leaderboard";

    /// <summary>The same payload as <c>GET /api/v1/leaderboards</c> without <c>asOf</c>: the live boards.</summary>
    public LeaderboardsDto GetLeaderboards() => LeaderboardsDto.From(host.Engine.Current());
}
