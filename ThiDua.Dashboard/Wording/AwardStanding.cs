using ThiDua.Dashboard.Awards.Proposal;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Wording;

/// <summary>
/// Where the award list stands, said the same way on every page, slide, print view and export that
/// names an award: the live proposal while draft, the list the City Office fixed once selected, the
/// Chairman's decision once decided.
/// </summary>
public static class AwardStanding
{
    /// <summary>"Quyết định số 125/QĐ-UBND ngày 20/01/2025 của Chủ tịch UBND thành phố (người ký: …)."</summary>
    public static string DecisionText(DecisionDto decision) =>
        $"Quyết định số {decision.Number} ngày {Vi.Date(decision.Date)} của {ReviewChain.Decider} (người ký: {decision.Signer}).";

    /// <summary>The short mark beside a unit that holds an award in <paramref name="proposal"/>.</summary>
    public static string Tag(ProposalDto proposal) =>
        proposal.Decision is not null ? "★ được tặng Bằng khen" : proposal.IsFixed ? "★ trong danh sách đề nghị" : "★ đề xuất khen";

    /// <summary>The mark's full sentence (a tooltip, the unit page's award line).</summary>
    public static string TagTitle(ProposalDto proposal) =>
        proposal.Decision is { } decision ? $"Được tặng Bằng khen theo {DecisionText(decision)}"
        : proposal.IsFixed ? $"Có trong danh sách đề nghị khen thưởng đã chốt ({ProposalStates.Label(proposal.State).ToLower(Vi.Culture)})"
        : "Đang được đề xuất khen thưởng";

    /// <summary>The heading of the live proposal, also while the list is still being read.</summary>
    public const string DraftHeading = "Đề xuất khen thưởng — Bằng khen của Chủ tịch UBND thành phố";

    /// <summary>The heading of an award list (slide, print view).</summary>
    public static string Heading(ProposalDto? proposal) =>
        proposal?.Decision is not null ? "Khen thưởng — Bằng khen của Chủ tịch UBND thành phố"
        : proposal is { IsFixed: true } ? "Danh sách đề nghị khen thưởng đã chốt — Bằng khen của Chủ tịch UBND thành phố"
        : DraftHeading;

    /// <summary>
    /// The line that says the list no longer follows the figures: the decision once decided, the
    /// date it was fixed as of before that; null while the proposal follows the live boards.
    /// </summary>
    public static string? Line(ProposalDto proposal) =>
        proposal.Decision is { } decision
            ? $"Khen thưởng theo {DecisionText(decision)} Danh sách khen thưởng không còn thay đổi theo số liệu."
        : proposal.IsFixed
            ? $"Danh sách đề nghị khen thưởng đã được chốt theo số liệu ngày {Vi.Date(proposal.AsOf)} ({ProposalStates.Label(proposal.State).ToLower(Vi.Culture)}); "
              + "số liệu nhận sau đó vẫn cập nhật bảng xếp hạng nhưng không thay đổi danh sách."
        : null;

    /// <summary>The units of a slot the list awards: the selected ones once fixed, the proposed ones while draft.</summary>
    public static IReadOnlyList<(string Unit, string Name, int Rank, decimal Score)> Units(ProposalDto proposal, ProposalSlotDto slot) =>
        proposal.IsFixed
            ? [.. slot.Selected.Select(s => (s.Unit, s.Name, s.Rank, s.Score))]
            : [.. slot.Proposed.Select(p => (p.Unit, p.Name, p.Rank, p.Score))];
}
