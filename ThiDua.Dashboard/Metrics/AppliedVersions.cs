using System.Diagnostics.Metrics;
using ThiDua.Dashboard.Campaigns;

namespace ThiDua.Dashboard.Metrics;

/// <summary>
/// The version each campaign's engine on this node has applied: every engine the registry holds loaded
/// (the active campaigns, and a closed one while it is being read), tagged with its campaign's code.
/// </summary>
public sealed class AppliedVersions(CampaignEngines engines)
{
    /// <summary>Every loaded engine of this node with its campaign's code.</summary>
    public IEnumerable<(string Campaign, long Version)> Engines() =>
        engines.Loaded()
            .Where(services => services.Host.IsLoaded)
            .Select(services => (services.Campaign.Code, services.Host.Engine.Version));

    internal IEnumerable<Measurement<long>> Measure() =>
        Engines().Select(e => new Measurement<long>(e.Version, new KeyValuePair<string, object?>("campaign", e.Campaign)));
}
