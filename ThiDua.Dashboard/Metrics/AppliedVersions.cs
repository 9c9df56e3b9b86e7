using System.Diagnostics.Metrics;
using ThiDua.Dashboard.Live;

namespace ThiDua.Dashboard.Metrics;

/// <summary>
/// The version each campaign's engine on this node has applied. Today there is one engine; when
/// engines become per campaign, <see cref="Engines"/> is the one method to switch to the registry.
/// </summary>
public sealed class AppliedVersions(EngineHost host, IConfiguration configuration)
{
    /// <summary>The campaign's code until campaigns carry one of their own (ThiDua:Campaign:Code, else this).</summary>
    public const string DefaultCampaignCode = "default";

    private readonly string _campaign = configuration["ThiDua:Campaign:Code"] is { Length: > 0 } code ? code : DefaultCampaignCode;

    /// <summary>Every loaded engine of this node with its campaign's code.</summary>
    public IEnumerable<(string Campaign, long Version)> Engines()
    {
        if (host.IsLoaded) yield return (_campaign, host.Engine.Version);
    }

    internal IEnumerable<Measurement<long>> Measure() =>
        Engines().Select(e => new Measurement<long>(e.Version, new KeyValuePair<string, object?>("campaign", e.Campaign)));
}
