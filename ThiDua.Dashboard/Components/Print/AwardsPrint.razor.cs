using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Awards;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Components.Print;

/// <summary>The award proposal for A4 landscape: every slot with its proposed units, ties and passed-over units, then the individuals.</summary>
public sealed partial class AwardsPrint
{
    [Inject] private AwardBook AwardBook { get; set; } = default!;

    private AwardProposal? Proposal { get; set; }
    private IReadOnlyList<IndividualView> Individuals { get; set; } = [];
    private string Generated { get; set; } = "";

    protected override async Task LoadAsync()
    {
        Proposal = await AwardBook.ProposalAsync(AsOf);
        Individuals = await AwardBook.IndividualsAsync(Proposal);
        Generated = Host.CampaignNow().ToString("HH:mm dd/MM/yyyy");
    }

    /// <summary>The award page on screen, at the same date when a past one is printed.</summary>
    private string BackHref => "/khen-thuong" + (IsPast ? $"?ngay={AsOf:yyyy-MM-dd}" : "");

    private string BlockName(string code) => Host.Campaign.Block(code)?.Name ?? code;

    private static string PassedText(AwardSlot slot) =>
        slot.PassedOver.Count == 0 ? "" :
        (slot.Kind == AwardKind.Committee ? "Đề cử không đạt điều kiện: " : "Không đủ điều kiện dù xếp trên: ")
        + Sentences.Join(slot.PassedOver.Select(p => $"{p.Name}{(p.Rank > 0 ? $" (hạng {p.Rank})" : "")}: {Sentences.Join(p.Reasons)}"));

    /// <summary>A committee slot's condition on the city's 766 classification, while it does not hold.</summary>
    private static string ConditionText(AwardSlot slot) => slot.Condition is { Met: not true } condition ? condition.Text + " " : "";
}
