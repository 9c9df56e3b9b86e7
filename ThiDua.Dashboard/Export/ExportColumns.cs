using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Export;

/// <summary>The Vietnamese column headers of the exports; they are a contract for whoever reads the CSV files.</summary>
public static class ExportColumns
{
    public const string Block = "Khối";
    public const string Group = "Nhóm";
    public const string Rank = "Hạng";
    public const string UnitCode = "Mã đơn vị";
    public const string Unit = "Đơn vị";
    public const string Score = "Điểm";
    public const string Dossiers = "Số hồ sơ";
    public const string Movement = "Biến động";
    public const string Kind = "Loại";
    public const string Tied = "Đồng hạng";
    public const string Decision = "Đề xuất";
    public const string Reasons = "Lý do";

    /// <summary>A content's column is headed with its letter as the plan writes it (a, b, c, d, đ, e, g, h, i).</summary>
    public static string Content(IndicatorRules indicator) => Vi.ContentLetter(indicator.Code);

    /// <summary>How the workbooks show these columns: two decimals for points, a sign on movements.</summary>
    public static IEnumerable<XlsxExport.ColumnStyle> Styles(CampaignRules rules)
    {
        yield return new(ExportInfo.ItemColumn, null, 22);
        yield return new(ExportInfo.ValueColumn, null, 60);
        yield return new(Block, null, 28);
        yield return new(Group, null, 28);
        yield return new(Rank, "0", 7);
        yield return new(UnitCode, null, 22);
        yield return new(Unit, null, 32);
        yield return new(Score, "0.00", 9);
        yield return new(Dossiers, "#,##0", 11);
        yield return new(Movement, "+0;-0;0", 11);
        yield return new(Kind, null, 28);
        yield return new(Tied, null, 11);
        yield return new(Decision, null, 20);
        yield return new(Reasons, null, 60);
        foreach (var indicator in rules.Indicators) yield return new(Content(indicator), "0.00", 7);
    }
}
