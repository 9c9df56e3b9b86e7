using ThiDua.Dashboard.Api;
using ThiDua.Scoring.Ranking;

namespace ThiDua.Dashboard.Live.Hub;

/// <summary>
/// A changed board pushed to hub clients. The whole board travels, not a diff, so a client that
/// missed a message is whole again with the next one; entries have the shape of
/// <c>GET /api/v1/leaderboards</c> so one renderer serves both. A contract: add fields, never rename them.
/// <paramref name="Campaign"/> is the code of the campaign the board belongs to.
/// </summary>
public sealed record LeaderboardChangedDto(
    long Version, DateOnly AsOf, string Block, string? Group, string BlockName, string? GroupName, int AwardSlots,
    IReadOnlyList<EntryDto> Entries, string Campaign = "")
{
    public static LeaderboardChangedDto From(long version, DateOnly asOf, Board board, string campaign = "") =>
        new(version, asOf, board.Key.Block, board.Key.Group, board.BlockName, board.GroupName, board.AwardSlots,
            [.. board.Entries.Select(EntryDto.From)], campaign);
}
