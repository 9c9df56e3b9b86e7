using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using ThiDua.Dashboard.Export;
using ThiDua.Dashboard.Import;

namespace ThiDua.Dashboard.Campaigns.Files;

/// <summary>
/// The unit list as a file to fill in or edit: the header of <see cref="UnitListColumns"/> and one row
/// per unit given, so a draft copied from last year downloads its inherited list, edits it and imports
/// it back; with no units it is the empty template. Dates are written dd/MM/yyyy, predecessors
/// separated by "; ".
/// </summary>
public static class UnitListTemplate
{
    public const string BaseName = "danh-sach-don-vi";
    public const string Sheet = "Đơn vị";

    /// <summary>The file: bytes, content type and download name; null for a format other than csv or xlsx.</summary>
    public static (byte[] Content, string ContentType, string FileName)? Create(string? format, IReadOnlyList<CampaignUnit> units) =>
        (format ?? "csv").Trim().ToLowerInvariant() switch
        {
            "csv" => (Csv(units), ImportTemplate.CsvContentType, BaseName + ".csv"),
            "xlsx" => (Xlsx(units), ImportTemplate.XlsxContentType, BaseName + ".xlsx"),
            _ => null,
        };

    public static byte[] Csv(IReadOnlyList<CampaignUnit> units) => CsvExport.Write(new ExportSheet(BaseName,
        [.. UnitListColumns.All.Select(UnitListColumns.Vietnamese)],
        [.. units.Select(u => (IReadOnlyList<object?>)[u.Code, u.Name, u.Block, u.District, Date(u.ActiveFrom), Date(u.ActiveTo), Predecessors(u)])]));

    public static byte[] Xlsx(IReadOnlyList<CampaignUnit> units)
    {
        var rows = units.Select(u => new Dictionary<string, object?>
        {
            [UnitListColumns.Vietnamese(UnitListColumn.Code)] = u.Code,
            [UnitListColumns.Vietnamese(UnitListColumn.Name)] = u.Name,
            [UnitListColumns.Vietnamese(UnitListColumn.Block)] = u.Block,
            [UnitListColumns.Vietnamese(UnitListColumn.District)] = u.District,
            [UnitListColumns.Vietnamese(UnitListColumn.ActiveFrom)] = u.ActiveFrom?.ToDateTime(TimeOnly.MinValue),
            [UnitListColumns.Vietnamese(UnitListColumn.ActiveTo)] = u.ActiveTo?.ToDateTime(TimeOnly.MinValue),
            [UnitListColumns.Vietnamese(UnitListColumn.Predecessors)] = Predecessors(u),
        }).ToList();
        // With no unit MiniExcel would have no row to take the header from.
        if (rows.Count == 0)
            rows.Add(UnitListColumns.All.ToDictionary(UnitListColumns.Vietnamese, _ => (object?)null));
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns =
            [
                new DynamicExcelColumn(UnitListColumns.Vietnamese(UnitListColumn.ActiveFrom)) { Format = "dd/MM/yyyy", Width = 14 },
                new DynamicExcelColumn(UnitListColumns.Vietnamese(UnitListColumn.ActiveTo)) { Format = "dd/MM/yyyy", Width = 14 },
            ],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [Sheet] = rows }, configuration: configuration);
        return stream.ToArray();
    }

    private static string? Date(DateOnly? date) => date?.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);

    private static string Predecessors(CampaignUnit unit) => string.Join("; ", unit.Predecessors);
}
