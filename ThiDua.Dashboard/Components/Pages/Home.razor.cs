using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Components.Pages;

public sealed partial class Home
{
    [Inject]
    private IOptions<CampaignRules> Options { get; set; } = default!;

    private CampaignRules Rules => Options.Value;

    private IReadOnlyList<(BlockRules Block, IReadOnlyList<GroupRules> Groups)> Blocks { get; set; } = [];

    protected override void OnInitialized() =>
        // Blocks and groups in the order the plan lists them, which is the order of the settings file.
        Blocks = [.. Rules.Blocks.Select(b => (b, (IReadOnlyList<GroupRules>)[.. Rules.Groups.Where(g => g.Block == b.Code)]))];
}
