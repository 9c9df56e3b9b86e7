using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Configuration;

namespace ThiDua.Dashboard.Components.Admin;

/// <summary>/quan-tri's rule warnings: what the campaign validator found at start, named by settings key.</summary>
public sealed partial class AdminWarnings
{
    [Inject] private CampaignWarnings Warnings { get; set; } = default!;
}
