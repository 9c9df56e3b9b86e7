using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using ThiDua.Dashboard.Export;
using ThiDua.Scoring;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Text;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Import;

/// <summary>
/// A downloadable file to fill in: the Vietnamese headers and two example rows that pass validation; the
/// XLSX also carries the sheet "Danh mục" listing every unit's and every content's code, so nobody has to guess one.
/// </summary>
public static class ImportTemplate
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string BaseName = "mau-nhap-so-lieu";
    public const string DataSheet = "Số liệu";
    public const string CatalogSheet = "Danh mục";

    private static readonly DateOnly ExampleDate = new(2024, 6, 30);

    // A content figure (numerator over denominator) and a dossier count (no denominator).
    private static readonly (string Unit, string Indicator, long Numerator, long? Denominator)[] Examples =
    [
        ("p-an-hoa", "c", 82, 100),
        ("q-ninh-kieu", "dossiers", 5120, null),
    ];

    /// <summary>The template as a file: bytes, content type and download name; null for an unknown format.</summary>
    public static (byte[] Content, string ContentType, string FileName)? Create(string? format, Campaign campaign, IReadOnlyList<UnitInfo> units) =>
        (format ?? "csv").Trim().ToLowerInvariant() switch
        {
            "csv" => (Csv(), CsvContentType, BaseName + ".csv"),
            "xlsx" => (Xlsx(campaign, units), XlsxContentType, BaseName + ".xlsx"),
            _ => null,
        };

    /// <summary>Written like every CSV the app gives out, so the BOM makes Excel open it as UTF-8 rather than in the machine's code page.</summary>
    public static byte[] Csv() => CsvExport.Write(new ExportSheet(BaseName,
        FigureFields.All.Select(FigureFields.Vietnamese).ToList(),
        Examples.Select(e => (IReadOnlyList<object?>)[e.Unit, ExampleDate.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture), e.Indicator, e.Numerator, e.Denominator])
            .ToList()));

    public static byte[] Xlsx(Campaign campaign, IReadOnlyList<UnitInfo> units)
    {
        var rows = Examples.Select(e => new Dictionary<string, object?>
        {
            [FigureFields.Vietnamese(FigureField.Unit)] = e.Unit,
            [FigureFields.Vietnamese(FigureField.AsOf)] = ExampleDate.ToDateTime(TimeOnly.MinValue),
            [FigureFields.Vietnamese(FigureField.Indicator)] = e.Indicator,
            [FigureFields.Vietnamese(FigureField.Numerator)] = e.Numerator,
            [FigureFields.Vietnamese(FigureField.Denominator)] = e.Denominator,
        }).ToList();
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = [new DynamicExcelColumn(FigureFields.Vietnamese(FigureField.AsOf)) { Format = "dd/MM/yyyy", Width = 14 }],
        };
        using var stream = new MemoryStream();
        var sheets = new Dictionary<string, object> { [DataSheet] = rows, [CatalogSheet] = Catalog(campaign, units) };
        stream.SaveAs(sheets, configuration: configuration);
        return stream.ToArray();
    }

    /// <summary>
    /// Units in Vietnamese alphabetical order (code, name, block, district), then, below a blank row under
    /// their own header, the contents (code, the plan's letter, name) and the dossier count.
    /// </summary>
    private static List<Dictionary<string, object?>> Catalog(Campaign campaign, IReadOnlyList<UnitInfo> units)
    {
        const string Code = "Mã", Name = "Tên", Block = "Khối / chữ cái", District = "Quận, huyện";
        static Dictionary<string, object?> Row(object? code, object? name, object? block, object? district) =>
            new() { [Code] = code, [Name] = name, [Block] = block, [District] = district };

        var rows = units
            .OrderBy(u => u.Name, Vi.Collation).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => Row(u.Code, u.Name, campaign.Block(u.Block)?.Name ?? u.Block, u.District))
            .ToList();
        rows.Add(Row(null, null, null, null));
        rows.Add(Row("Mã chỉ tiêu", "Tên nội dung", "Chữ cái trong kế hoạch", null));
        rows.AddRange(campaign.Rules.Indicators.Select(i => Row(i.Code, i.Name, Vi.ContentLetter(i.Code), null)));
        rows.Add(Row(Figure.Dossiers, "Số hồ sơ giải quyết (không có mẫu số)", null, null));
        return rows;
    }
}
