using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Campaigns;

namespace ThiDua.Dashboard.Components.Controls;

/// <summary>
/// Base of every component that shows one campaign: reads <c>?chien-dich=CODE</c> (like <c>?ngay=</c>) and,
/// before the first render and on every change of the address, resolves it to that campaign's services;
/// without it, the default campaign as the catalog has it now (a changed default is followed without a
/// restart). A page answers an unknown code or a draft (not public) with the not-found page; a part of a
/// page (<see cref="ShowsNotFound"/> false) quietly shows the default, since its page does the answering.
/// </summary>
public abstract class CampaignComponent : ComponentBase
{
    [Inject] private CampaignEngines Engines { get; set; } = default!;
    [Inject] private NavigationManager CampaignNavigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = PageLink.CampaignParameter)]
    public string? ChienDich { get; set; }

    /// <summary>The campaign shown; set before <c>OnInitialized</c>.</summary>
    protected PageCampaign Campaign { get; private set; } = default!;

    /// <summary>True when <c>?chien-dich=</c> named no public campaign (the default is then in <see cref="Campaign"/>).</summary>
    protected bool CampaignMissing { get; private set; }

    /// <summary>Whether an unknown campaign makes this component answer with the not-found page.</summary>
    protected virtual bool ShowsNotFound => true;

    public override async Task SetParametersAsync(ParameterView parameters)
    {
        // The campaign is resolved before the component's own lifecycle, so nothing renders with another
        // campaign's data (a closed campaign's engine may first have to be built).
        parameters.SetParameterProperties(this);
        await ResolveCampaignAsync();
        await base.SetParametersAsync(ParameterView.Empty);
    }

    private async Task ResolveCampaignAsync()
    {
        var code = string.IsNullOrWhiteSpace(ChienDich) ? null : ChienDich.Trim();
        var record = code is null ? Engines.DefaultCampaign : Engines.Find(code);
        var services = record is { IsDraft: false } ? await Engines.GetAsync(record.Code) : null;
        CampaignMissing = code is not null && services is null;
        if (services is null)
        {
            record = Engines.DefaultCampaign;
            services = await Engines.GetAsync(record.Code) ?? Engines.Default;
        }
        Campaign = new PageCampaign(record!, services, IsChosen: !CampaignMissing && code is not null);
        // The Vietnamese not-found page, and a 404 status when rendered on the server.
        if (CampaignMissing && ShowsNotFound) CampaignNavigation.NotFound();
    }

    /// <summary>An internal link carrying the chosen campaign (and a past date when given).</summary>
    protected string Link(string path, DateOnly? pastDate = null) => PageLink.To(path, pastDate, Campaign.ChosenCode);
}
