using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using ThiDua.Dashboard.Export;

namespace ThiDua.Dashboard.Import;

/// <summary>A downloadable file to fill in: the Vietnamese headers and two example rows that pass validation.</summary>
public static class ImportTemplate
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string BaseName = "mau-nhap-so-lieu";

    private static readonly DateOnly ExampleDate = new(2024, 6, 30);

    // A content figure (numerator over denominator) and a dossier count (no denominator).
    private static readonly (string Unit, string Indicator, long Numerator, long? Denominator)[] Examples =
    [
        ("p-an-hoa", "c", 82, 100),
        ("q-ninh-kieu", "dossiers", 5120, null),
    ];

    /// <summary>The template as a file: bytes, content type and download name; null for an unknown format.</summary>
    public static (byte[] Content, string ContentType, string FileName)? Create(string? format) =>
        (format ?? "csv").Trim().ToLowerInvariant() switch
        {
            "csv" => (Csv(), CsvContentType, BaseName + ".csv"),
            "xlsx" => (Xlsx(), XlsxContentType, BaseName + ".xlsx"),
            _ => null,
        };

    /// <summary>Written like every CSV the app gives out, so the BOM makes Excel open it as UTF-8 rather than in the machine's code page.</summary>
    public static byte[] Csv() => CsvExport.Write(new ExportSheet(BaseName,
        FigureFields.All.Select(FigureFields.Vietnamese).ToList(),
        Examples.Select(e => (IReadOnlyList<object?>)[e.Unit, ExampleDate.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture), e.Indicator, e.Numerator, e.Denominator])
            .ToList()));

    public static byte[] Xlsx()
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
        stream.SaveAs(rows, configuration: configuration);
        return stream.ToArray();
    }
}
