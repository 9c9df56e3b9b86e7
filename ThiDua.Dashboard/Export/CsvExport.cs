using System.Globalization;
using System.Text;

namespace ThiDua.Dashboard.Export;

/// <summary>
/// CSV for machines: UTF-8 with a BOM (so Excel also reads the Vietnamese right), comma-separated,
/// CRLF line ends, RFC 4180 quoting, '.' as the decimal point and no thousands separator.
/// </summary>
public static class CsvExport
{
    /// <summary>At least two decimals, so 10 points read "10.00" like 7.50 does; never fewer digits than the value has.</summary>
    private static readonly string DecimalFormat = "0.00" + new string('#', 26);

    public static byte[] Write(ExportSheet sheet)
    {
        var text = new StringBuilder();
        AppendLine(text, sheet.Columns);
        foreach (var row in sheet.Rows) AppendLine(text, row);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A cell as CSV text: numbers invariant, text guarded against formulas and quoted when needed.</summary>
    public static string Field(object? value) => value switch
    {
        null => "",
        string text => Quote(FormulaGuard.Neutralise(text)),
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString(DecimalFormat, CultureInfo.InvariantCulture),
        _ => throw ExportSheet.UnsupportedCell(value),
    };

    private static void AppendLine<T>(StringBuilder text, IReadOnlyList<T> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) text.Append(',');
            text.Append(Field(cells[i]));
        }
        text.Append("\r\n");
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
