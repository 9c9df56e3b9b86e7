using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Campaigns;

namespace ThiDua.Dashboard.Components.Admin;

/// <summary>What the parts that edit one draft campaign share: the draft, who edits it, the catalog it is saved through, and the word back to the tab.</summary>
public abstract class CampaignDraftPart : AdminTab
{
    [Inject] protected CampaignCatalog Catalog { get; set; } = default!;

    [Parameter, EditorRequired] public CampaignRecord Draft { get; set; } = default!;

    [Parameter, EditorRequired] public WriteActor Writer { get; set; } = default!;

    /// <summary>Tells the tab the draft changed, so it reads the list again.</summary>
    [Parameter] public EventCallback Changed { get; set; }
}
