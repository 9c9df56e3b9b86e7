namespace ThiDua.Dashboard.Live.Hub;

/// <summary>What the server calls on every client of <c>/hubs/leaderboard</c>.</summary>
public interface ILeaderboardClient
{
    /// <summary>
    /// One whole board as it stands at <see cref="LeaderboardChangedDto.Version"/> or later. Messages
    /// can be superseded, so a client keeps per board the one with the highest version.
    /// </summary>
    Task LeaderboardChanged(LeaderboardChangedDto change);
}
