using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Campaigns;

namespace ThiDua.Dashboard.Components.Pages;

/// <summary>The unit page's lineage and "same unit last year": read once per unit and campaign, since neither moves with figures.</summary>
public sealed partial class UnitPast
{
    [Inject] private UnitLineageQueries Lineage { get; set; } = default!;

    [Parameter, EditorRequired] public CampaignRecord Campaign { get; set; } = default!;
    [Parameter, EditorRequired] public string UnitCode { get; set; } = "";

    private (string Campaign, string Unit)? _loadedFor;

    private IReadOnlyList<LineageLink> Earlier { get; set; } = [];
    private LastYearComparison? LastYear { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == (Campaign.Code, UnitCode)) return;
        _loadedFor = (Campaign.Code, UnitCode);
        Earlier = await Lineage.EarlierAsync(Campaign, UnitCode);
        LastYear = await Lineage.LastYearAsync(Campaign, UnitCode);
    }
}
