using DocumentFormat.OpenXml.Wordprocessing;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Dossier;

/// <summary>
/// A collective's báo cáo thành tích for an award after a thematic campaign, filled with the unit's
/// own figures. Headings: those of Mẫu số 08 of Phụ lục I, Nghị định 98/2023/NĐ-CP ("Báo cáo
/// thành tích đề nghị khen thưởng theo đợt thi đua hoặc theo chuyên đề"), as the form is commonly
/// reproduced (it keeps the shape of Mẫu số 07 of the former Nghị định 91/2017/NĐ-CP): title and
/// award; the collective's full name; I. Sơ lược đặc điểm, tình hình; II. Thành tích đạt được
/// (results against the campaign's contents, then the measures behind them); III. Các hình thức
/// khen thưởng đã được ghi nhận; the head's signature and the confirmation of the proposing level.
/// The form's exact text could not be checked here: this follows that usual shape (see
/// /work/shared/domain.md). The parts only the unit can write are marked for it to fill.
/// </summary>
public static class BaoCaoDocument
{
    public const string ToFill = "[Phần đơn vị tự ghi";

    public static string FileName(string unit) => $"bao-cao-{unit}.docx";

    public static byte[] Write(AwardDossier dossier, UnitAchievement unit, DossierOptions options) =>
        OfficialDocx.Write(dossier.IsDraft, body => Content(body, dossier, unit, options));

    private static void Content(Body body, AwardDossier dossier, UnitAchievement unit, DossierOptions options)
    {
        var issuer = new DossierOptions { IssuerParent = unit.Superior, Issuer = unit.Issuer };
        OfficialDocx.NationalHeader(body, issuer, null, DossierText.PlaceAndDate(options.Place, null));
        OfficialDocx.Title(body, "BÁO CÁO THÀNH TÍCH", $"Đề nghị tặng {options.AwardName}");
        body.Append(OfficialDocx.Line($"(Thành tích thực hiện phong trào thi đua theo đợt (chuyên đề) “{dossier.CampaignName}”)",
            OfficialDocx.Body, center: true, italic: true));
        body.Append(OfficialDocx.Spacer());
        body.Append(OfficialDocx.Text($"Tên tập thể đề nghị khen thưởng: {unit.FullName}.", bold: true));
        body.Append(OfficialDocx.Text(unit.ProposedFor is { } slot
            ? $"Đơn vị có trong đề xuất khen thưởng (suất “{slot}”), theo số liệu tính đến ngày {Vi.Date(dossier.AsOf)}."
            : $"Đơn vị hiện chưa có trong đề xuất khen thưởng (số liệu tính đến ngày {Vi.Date(dossier.AsOf)}); báo cáo này giúp đơn vị chuẩn bị hồ sơ.",
            italic: true));

        body.Append(OfficialDocx.Heading("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH"));
        body.Append(OfficialDocx.Text($"1. Khối thi đua: {unit.BlockName}; nhóm: {unit.GroupName ?? "chưa xếp nhóm"}; số hồ sơ giải quyết trong đợt thi đua: {DossierText.Dossiers(unit.Dossiers)}."));
        body.Append(OfficialDocx.Text($"2. Đặc điểm, tình hình: {ToFill}: chức năng, nhiệm vụ; cơ cấu tổ chức, tổng số cán bộ, công chức, viên chức; thuận lợi, khó khăn trong đợt thi đua.]", italic: true));

        body.Append(OfficialDocx.Heading("II. THÀNH TÍCH ĐẠT ĐƯỢC"));
        body.Append(OfficialDocx.Text(
            $"1. Kết quả thực hiện các nội dung thi đua (đợt thi đua từ ngày {Vi.Date(dossier.PeriodStart)} đến ngày {Vi.Date(dossier.PeriodEnd)}; {DossierText.BasisClause(dossier)}):"));
        body.Append(OfficialDocx.Grid([1000, 4000, 2650, 1700],
            ["Nội dung", "Tên nội dung", "Tỷ lệ đạt (số liệu)", "Điểm / tối đa"],
            unit.Contents.Select(Row), rightAligned: new HashSet<int> { 2, 3 }));
        body.Append(OfficialDocx.Spacer());
        body.Append(OfficialDocx.Text(unit.Rank > 0
            ? $"Tổng điểm: {DossierText.Score(unit.Score)} điểm (thang 100); xếp hạng {unit.Rank}/{unit.BoardSize} trong nhóm “{unit.GroupName ?? unit.BlockName}”, khối {unit.BlockName}."
            : "Đơn vị không có trên bảng xếp hạng tại ngày số liệu."));
        body.Append(OfficialDocx.Text("Thang điểm của từng nội dung do cơ quan tổ chức phong trào quy định.", italic: true));
        body.Append(OfficialDocx.Text($"2. Các biện pháp, giải pháp, sáng kiến đã thực hiện để đạt thành tích: {ToFill}.]", italic: true));

        body.Append(OfficialDocx.Heading("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN"));
        body.Append(OfficialDocx.Text($"{ToFill}: hình thức, số và ngày của quyết định khen thưởng (nếu có).]", italic: true));

        OfficialDocx.Signatures(body, ["XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG"], null, ["THỦ TRƯỞNG ĐƠN VỊ"], null);
    }

    private static IReadOnlyList<string> Row(AchievementContent content) =>
    [
        content.Letter, content.Name,
        content.State switch
        {
            ContentState.Rate => $"{Vi.Percent(content.Rate!.Value)} ({Vi.Count(content.Numerator!.Value)}/{Vi.Count(content.Denominator!.Value)})",
            ContentState.NothingArose => "không phát sinh",
            ContentState.NotApplicable => "không áp dụng",
            _ => "chưa có số liệu",
        },
        content.State == ContentState.NotApplicable ? "—" : $"{Vi.Number(content.Points)} / {Vi.Number(content.MaxPoints)}",
    ];
}
