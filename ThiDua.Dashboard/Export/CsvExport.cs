using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace ThiDua.Dashboard.Export;

/// <summary>
/// CSV for machines, written by Sep: UTF-8 with a BOM (so Excel also reads the Vietnamese right),
/// comma-separated, CRLF line ends, RFC 4180 quoting, '.' as the decimal point and no thousands separator.
/// </summary>
public static class CsvExport
{
    /// <summary>RFC 4180's line end; Sep ends a row with its writer's NewLine, which on Linux would be LF.</summary>
    private const string LineEnd = "\r\n";

    /// <summary>At least two decimals, so 10 points read "10.00" like 7.50 does; never fewer digits than the value has.</summary>
    private static readonly string DecimalFormat = "0.00" + new string('#', 26);

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The sheet as a file: its column names as the first row, then its rows.</summary>
    public static byte[] Write(ExportSheet sheet)
    {
        using var bytes = new MemoryStream();
        using (var text = new StreamWriter(bytes, Utf8WithBom) { NewLine = LineEnd })
            Write(text, sheet.Rows.Prepend(sheet.Columns));
        return bytes.ToArray();
    }

    /// <summary>A cell as the file holds it: numbers invariant, text guarded against formulas and quoted when needed.</summary>
    public static string Field(object? value)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = LineEnd };
        Write(text, [[value]]);
        return text.ToString()[..^LineEnd.Length];
    }

    private static void Write(TextWriter text, IEnumerable<IReadOnlyList<object?>> rows)
    {
        // Rows are written with as many cells as they have, as a spreadsheet would save them.
        using var writer = Sep.New(',')
            .Writer(o => o with
            {
                WriteHeader = false,
                Escape = true,
                CultureInfo = CultureInfo.InvariantCulture,
                DisableColCountCheck = true,
                ColNotSetOption = SepColNotSetOption.Skip,
            })
            .To(text, leaveOpen: true);
        foreach (var cells in rows)
        {
            using var row = writer.NewRow();
            for (var i = 0; i < cells.Count; i++) Set(row[i], cells[i]);
        }
    }

    private static void Set(SepWriter.Col col, object? value)
    {
        switch (value)
        {
            case null:
                col.Set("");
                break;
            case string text:
                col.Set(FormulaGuard.Neutralise(text));
                break;
            case int number:
                col.Format(number);
                break;
            case long number:
                col.Format(number);
                break;
            case decimal number:
                col.Format(number, DecimalFormat);
                break;
            default:
                throw ExportSheet.UnsupportedCell(value);
        }
    }
}
