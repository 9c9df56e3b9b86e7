using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Api;
using ThiDua.Dashboard.Awards.Proposal;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Components.Print;

/// <summary>
/// The award proposal for A4 landscape: every slot with its units, ties and passed-over units, then the
/// individuals. While draft it follows the live boards; once the City Office fixed the list it prints that
/// list (as of the date it was fixed), and once decided it names the decision.
/// </summary>
public sealed partial class AwardsPrint
{
    private ProposalWorkflow Workflow => Campaign.Get<ProposalWorkflow>();

    private ProposalDto? Proposal { get; set; }
    private string Generated { get; set; } = "";

    protected override async Task LoadAsync()
    {
        Proposal = await Workflow.CurrentAsync(AsOf);
        Generated = Host.CampaignNow().ToString("HH:mm dd/MM/yyyy");
    }

    /// <summary>The award page on screen, at the same date when a past one is printed.</summary>
    private string BackHref => PageHref("/khen-thuong");

    private string BlockName(string code) => Host.Campaign.Block(code)?.Name ?? code;

    private static string PassedText(ProposalSlotDto slot) =>
        slot.PassedOver.Count == 0 ? "" :
        (slot.Kind == AwardKind.Committee ? "Đề cử không đạt điều kiện: " : "Không đủ điều kiện dù xếp trên: ")
        + Sentences.Join(slot.PassedOver.Select(p => $"{p.Name}{(p.Rank > 0 ? $" (hạng {p.Rank})" : "")}: {Sentences.Join(p.Reasons)}"));

    /// <summary>A committee slot's condition on the city's 766 classification, while it does not hold.</summary>
    private static string ConditionText(ProposalSlotDto slot) => slot.ConditionMet is not true && slot.Condition is { } text ? text + " " : "";

    /// <summary>A live tie waits for the City Office; once fixed, its reason for the units it chose says how it was settled.</summary>
    private static string TieText(ProposalDto proposal, ProposalSlotDto slot) =>
        proposal.IsFixed
            ? string.Concat(slot.Selected.Select(s => s.Reason).OfType<string>().Distinct().Select(r => $"Lý do chọn: {r}. "))
            : slot.Tied ? $"Đồng hạng ở suất cuối — {Wording.ReviewChain.TieAtLastSlot}. " : "";

    /// <summary>Whether a unit in the list still waits for its NQ 02 assessment (a fixed list was assessed before it was fixed).</summary>
    private static bool Unassessed(ProposalSlotDto slot, string unit) => slot.Proposed.FirstOrDefault(p => p.Unit == unit) is { StandardAssessed: false };
}
