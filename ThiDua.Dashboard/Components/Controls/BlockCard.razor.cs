using Microsoft.AspNetCore.Components;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Components.Controls;

public sealed partial class BlockCard
{
    [Parameter, EditorRequired]
    public BlockRules Block { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<GroupRules> Groups { get; set; } = [];
}
