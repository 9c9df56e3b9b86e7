using Microsoft.AspNetCore.Components;
using ThiDua.Scoring.Explanations;

namespace ThiDua.Dashboard.Components.Controls;

public sealed partial class TargetCard : CampaignComponent
{
    /// <summary>A part of the unit page: the page answers an unknown campaign.</summary>
    protected override bool ShowsNotFound => false;

    [Parameter, EditorRequired] public string Title { get; set; } = "";
    [Parameter] public Target? Target { get; set; }

    /// <summary>What to say when there is no target (first place, no award slot, already proposed).</summary>
    [Parameter] public string Empty { get; set; } = "";

    /// <summary>The combined plan, when it is the only way: no content alone reaches the target.</summary>
    private IReadOnlyList<PlanStep>? CombinedOnly =>
        Target is { Plan: { Count: > 0 } plan } target && target.ByContent.All(g => g.Add is null) ? plan : null;
}
