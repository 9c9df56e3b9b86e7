using Microsoft.AspNetCore.SignalR;
using ThiDua.Dashboard.Api;
using ThiDua.Dashboard.Campaigns;

namespace ThiDua.Dashboard.Live.Hub;

/// <summary>
/// Live leaderboards. Clients call <see cref="GetLeaderboards"/> once for the full picture, then
/// apply the <see cref="ILeaderboardClient.LeaderboardChanged"/> pushes that
/// <see cref="LeaderboardBroadcaster"/> sends; the hub itself holds no state. Every client gets the
/// default campaign's pushes; another campaign's after <see cref="Subscribe"/> (a SignalR group).
/// </summary>
public sealed class LeaderboardHub(EngineHost host, CampaignEngines engines) : Hub<ILeaderboardClient>
{
    public const string Path = "/hubs/leaderboard";

    /// <summary>The SignalR group of a campaign's subscribers.</summary>
    public static string GroupOf(string campaign) => "campaign:" + campaign;

    /// <summary>The same payload as <c>GET /api/v1/leaderboards</c> without <c>asOf</c>: the live boards.</summary>
    public LeaderboardsDto GetLeaderboards() => LeaderboardsDto.From(host.Engine.Current());

    /// <summary>A campaign's live boards, as <c>GET /api/v1/leaderboards?campaign=CODE</c> gives them.</summary>
    public async Task<LeaderboardsDto> GetCampaignLeaderboards(string campaignCode)
    {
        var services = await engines.GetAsync(Known(campaignCode).Code, Context.ConnectionAborted)
            ?? throw Refused(campaignCode, "còn là bản nháp, chưa có bảng xếp hạng");
        return LeaderboardsDto.From(services.Host.Engine.Current());
    }

    /// <summary>From now on this connection also receives the campaign's pushes (the default campaign's it receives anyway).</summary>
    public async Task Subscribe(string campaignCode)
    {
        var campaign = Known(campaignCode);
        if (campaign.IsDraft) throw Refused(campaignCode, "còn là bản nháp, chưa có bảng xếp hạng");
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(campaign.Code), Context.ConnectionAborted);
    }

    /// <summary>Stops the campaign's pushes on this connection.</summary>
    public async Task Unsubscribe(string campaignCode)
    {
        var campaign = Known(campaignCode);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(campaign.Code), Context.ConnectionAborted);
    }

    private CampaignRecord Known(string? campaignCode) =>
        CampaignCode.IsWellFormed(campaignCode) && engines.Find(campaignCode!) is { } campaign
            ? campaign
            : throw new HubException($"Không có chiến dịch “{Trim(campaignCode)}”.");

    private static HubException Refused(string campaignCode, string why) => new($"Chiến dịch “{Trim(campaignCode)}” {why}.");

    private static string Trim(string? text) => text is null ? "" : text.Length > 64 ? text[..64] + "…" : text;
}
