namespace ThiDua.Dashboard.Export;

/// <summary>The two file formats of an export: a workbook for people, a CSV file for machines.</summary>
public enum ExportFormat
{
    Xlsx,
    Csv,
}

/// <summary>A finished export: bytes, content type and the download name (which carries the as-of date).</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

public static class ExportFormats
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>Reads the <c>format</c> parameter: <c>xlsx</c> (the default, for people) or <c>csv</c>, case-insensitive.</summary>
    public static bool TryParse(string? text, out ExportFormat format)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "xlsx":
                format = ExportFormat.Xlsx;
                return true;
            case "csv":
                format = ExportFormat.Csv;
                return true;
            default:
                format = default;
                return false;
        }
    }

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv ? CsvContentType : XlsxContentType;

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? ".csv" : ".xlsx";

    /// <summary>e.g. <c>bang-xep-hang-2024-06-30.xlsx</c>: ASCII only, so every browser and mail client keeps it as is.</summary>
    public static string FileName(string baseName, DateOnly asOf, ExportFormat format) =>
        $"{baseName}-{asOf:yyyy'-'MM'-'dd}{Extension(format)}";
}
