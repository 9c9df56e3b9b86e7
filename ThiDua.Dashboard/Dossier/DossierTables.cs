using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ThiDua.Dashboard.Dossier;

/// <summary>The two lists every dossier document repeats: the collectives and the individuals.</summary>
public static class DossierTables
{
    public static readonly IReadOnlyList<string> CollectiveHeader = ["STT", "Tên tập thể", "Khối", "Nhóm / suất", "Hạng", "Điểm"];
    public static readonly IReadOnlyList<string> IndividualHeader = ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Tóm tắt thành tích"];

    public static IEnumerable<IReadOnlyList<string>> CollectiveRows(AwardDossier dossier) =>
        dossier.Collectives.Select((c, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture),
            c.Tied ? $"{c.Name} (đồng hạng, cần xét chọn)" : c.Name,
            c.BlockName,
            c.ByCommittee ? $"Xét chọn: {c.SlotName}" : c.GroupName ?? c.SlotName,
            DossierText.Rank(c.Rank),
            c.Rank > 0 ? DossierText.Score(c.Score) : "—",
        ]);

    public static IEnumerable<IReadOnlyList<string>> IndividualRows(AwardDossier dossier) =>
        dossier.Individuals.Select((p, i) => (IReadOnlyList<string>)
            [(i + 1).ToString(CultureInfo.InvariantCulture), p.FullName, p.Position, p.UnitName, p.Achievement]);

    public static void Collectives(Body body, AwardDossier dossier)
    {
        if (dossier.Collectives.Count == 0)
        {
            body.Append(OfficialDocx.Text("Chưa có tập thể nào trong đề xuất.", italic: true));
            return;
        }
        body.Append(OfficialDocx.Grid([720, 2800, 1900, 2050, 800, 1080], CollectiveHeader, CollectiveRows(dossier), rightAligned: new HashSet<int> { 4, 5 }));
        body.Append(OfficialDocx.Spacer());
    }

    public static void Individuals(Body body, AwardDossier dossier)
    {
        if (dossier.Individuals.Count == 0)
        {
            body.Append(OfficialDocx.Text("Chưa có cá nhân nào trong đề xuất.", italic: true));
            return;
        }
        body.Append(OfficialDocx.Grid([720, 2000, 1600, 2100, 2930], IndividualHeader, IndividualRows(dossier)));
        body.Append(OfficialDocx.Spacer());
    }
}
