using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Live;

namespace ThiDua.Dashboard.Components.Admin;

/// <summary>
/// /quan-tri's campaigns, one small component per job (list and steps, copy, import, a draft's unit list and
/// rules), all through <see cref="CampaignCatalog"/>, which checks, stores with its audit entry, and tells the engines.
/// </summary>
public sealed partial class AdminCampaigns
{
    [Inject] private CampaignCatalog Catalog { get; set; } = default!;

    /// <summary>The signed-in admin the changes are audited under.</summary>
    [Parameter, EditorRequired] public WriteActor Writer { get; set; } = default!;

    private IReadOnlyList<CampaignRecord> Campaigns { get; set; } = [];

    /// <summary>The draft open below the list (a fresh import or copy opens itself).</summary>
    private string? Selected { get; set; }

    private CampaignRecord? Draft => Selected is null ? null : Campaigns.FirstOrDefault(c => c.Code == Selected && c.IsDraft);

    protected override void OnInitialized()
    {
        Reload();
        // Another admin, or another node, may change the campaigns while this list is open.
        Listen(true);
    }

    protected override bool Wants(LeaderboardUpdate update) => update.CampaignsChanged;

    protected override Task OnLiveUpdateAsync(LeaderboardUpdate update)
    {
        Reload();
        StateHasChanged();
        return Task.CompletedTask;
    }

    private void Reload() => Campaigns = Catalog.List();

    private void Select(string? code) => Selected = code;

    private void Open(string code)
    {
        Reload();
        Selected = code;
    }
}
