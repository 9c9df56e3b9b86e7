using System.Data;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace ThiDua.Dashboard.Export;

/// <summary>
/// A workbook for people: one sheet per <see cref="ExportSheet"/>, header row frozen with a filter,
/// numbers as numeric cells with a display format, text guarded against formulas.
/// </summary>
public static class XlsxExport
{
    /// <summary>A display format (null: general) and width by column header; a header that is not listed keeps the defaults.</summary>
    public sealed record ColumnStyle(string Column, string? Format, double Width);

    public static byte[] Write(IReadOnlyList<ExportSheet> sheets, IEnumerable<ColumnStyle> styles)
    {
        var names = SheetNames.MakeUnique(sheets.Select(s => s.Name));
        // An ordered dictionary, because the sheets' order is the workbook's.
        var workbook = new OrderedDictionary<string, object>();
        for (var i = 0; i < sheets.Count; i++) workbook.Add(names[i], Table(sheets[i]));

        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = [.. styles.Select(s => new DynamicExcelColumn(s.Column) { Format = s.Format, Width = s.Width })],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(workbook, configuration: configuration);
        return stream.ToArray();
    }

    /// <summary>A DataTable keeps the header row even when a sheet has no rows, unlike a list of dictionaries.</summary>
    private static DataTable Table(ExportSheet sheet)
    {
        var table = new DataTable();
        foreach (var column in sheet.Columns) table.Columns.Add(column, typeof(object));
        foreach (var row in sheet.Rows)
        {
            var values = new object[sheet.Columns.Count];
            for (var i = 0; i < values.Length; i++) values[i] = Cell(i < row.Count ? row[i] : null);
            table.Rows.Add(values);
        }
        return table;
    }

    private static object Cell(object? value) => value switch
    {
        null => DBNull.Value,
        string text => FormulaGuard.Neutralise(text),
        int or long or decimal => value,
        _ => throw ExportSheet.UnsupportedCell(value),
    };
}
