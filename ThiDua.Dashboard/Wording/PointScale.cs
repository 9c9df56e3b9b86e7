using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Wording;

/// <summary>
/// The point scale in words. Kế hoạch 74/KH-UBND names the contents and gives them no points: the
/// maxima and full-credit rates are the campaign's setting, and every place that explains a score
/// says so and shows them, so nobody takes the organiser's choice for the plan's.
/// </summary>
public static class PointScale
{
    /// <summary>Whose scale it is, for the given campaign.</summary>
    public static string Origin(CampaignRules rules) =>
        $"Kế hoạch chỉ nêu {Vi.Count(rules.Indicators.Count)} nội dung thi đua, không quy định thang điểm; "
        + "điểm tối đa và ngưỡng đạt điểm tối đa của từng nội dung là thiết lập của đợt thi đua do đơn vị tổ chức quy định.";

    /// <summary>One content's setting: "tối đa 12 điểm, đạt tối đa khi tỷ lệ từ 50%".</summary>
    public static string Setting(IndicatorRules indicator) =>
        $"tối đa {Points(indicator.MaxPoints)} điểm, đạt tối đa khi tỷ lệ từ {Rate(indicator.FullCreditAt)}";

    /// <summary>The same, after the content's letter: "a: tối đa 12 điểm, …".</summary>
    public static string Item(IndicatorRules indicator) => $"{Vi.ContentLetter(indicator.Code)}: {Setting(indicator)}";

    /// <summary>The origin and the setting of each given content, as one paragraph.</summary>
    public static string Sentence(CampaignRules rules, IEnumerable<IndicatorRules> indicators) =>
        $"{Origin(rules)} Thang điểm đang dùng: {string.Join("; ", indicators.Select(Item))}.";

    public static string Points(decimal points) => points.ToString("0.##", Vi.Culture);

    public static string Rate(decimal fraction) => (fraction * 100m).ToString("0.##", Vi.Culture) + "%";
}
