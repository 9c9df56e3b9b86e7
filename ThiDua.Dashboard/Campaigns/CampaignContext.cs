namespace ThiDua.Dashboard.Campaigns;

/// <summary>
/// The campaign this request (or this circuit) speaks of: the default campaign unless something chose
/// another (<c>?campaign=</c> in the API; pages will read <c>?chien-dich=</c>). Scoped, so each request
/// and each circuit has its own.
/// </summary>
public sealed class CampaignContext(CampaignEngines engines)
{
    private CampaignRecord? _chosen;

    /// <summary>The chosen campaign, or the default one.</summary>
    public CampaignRecord Campaign => _chosen ?? engines.DefaultCampaign;

    public string Code => Campaign.Code;

    /// <summary>True when the campaign was chosen explicitly rather than taken as the default.</summary>
    public bool IsChosen => _chosen is not null;

    /// <summary>Chooses a campaign by code; false (and nothing chosen) for an unknown code.</summary>
    public bool TryChoose(string code)
    {
        if (engines.Find(code) is not { } campaign) return false;
        _chosen = campaign;
        return true;
    }

    /// <summary>The chosen campaign's services, its engine loaded (null for a draft, which has none).</summary>
    public Task<CampaignServices?> ServicesAsync(CancellationToken cancellationToken = default) => engines.GetAsync(Code, cancellationToken);
}
