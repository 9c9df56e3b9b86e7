using System.Text;
using MiniExcelLibs;

namespace ThiDua.Dashboard.Import;

/// <summary>
/// Reads figures from a CSV or XLSX file, without a host: headers in English or Vietnamese in any
/// order; CSV in UTF-8 (BOM or not), ',' or ';' (from the header line), quoted fields, CRLF or LF;
/// XLSX from the first sheet, with real date cells or text dates. Rows stream through, so a file of
/// 100,000 rows costs its figures, not its text.
/// </summary>
public static class FigureFileReader
{
    public const int MaxCellLength = 1000;

    private static readonly string[] Extensions = [".csv", ".xlsx"];

    /// <summary>True for the file types the reader knows: .csv and .xlsx.</summary>
    public static bool IsSupported(string? fileName) =>
        !string.IsNullOrWhiteSpace(fileName) && Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the whole file; problems become <see cref="FigureFile.ReadErrors"/>, never exceptions.</summary>
    /// <exception cref="NotSupportedException">The file name is neither .csv nor .xlsx; check <see cref="IsSupported"/> first.</exception>
    public static FigureFile Read(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!IsSupported(fileName)) throw new NotSupportedException($"Unsupported import file type: {fileName}");
        var file = new FigureFile(fileName);
        if (string.Equals(Path.GetExtension(fileName), ".csv", StringComparison.OrdinalIgnoreCase))
            ReadCsv(stream, file, cancellationToken);
        else
            ReadXlsx(stream, file, cancellationToken);
        return file;
    }

    private static void ReadCsv(Stream stream, FigureFile file, CancellationToken cancellationToken)
    {
        // Strict UTF-8: a file saved in a legacy code page is refused instead of read as mojibake.
        using var text = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var row = 0;
        try
        {
            string? headerLine;
            do
            {
                headerLine = text.ReadLine();
                row++;
            } while (headerLine is not null && string.IsNullOrWhiteSpace(headerLine));
            if (headerLine is null)
            {
                file.AddFileError(1, "Tệp trống: không có dòng tiêu đề.");
                return;
            }

            var separator = CsvRecordReader.DetectSeparator(headerLine);
            var fields = new List<string>();
            new CsvRecordReader(new StringReader(headerLine), separator, row, MaxCellLength).TryRead(fields, out _);
            var headerOk = file.SetHeader(row, fields);

            var records = new CsvRecordReader(text, separator, row + 1, MaxCellLength);
            while (records.TryRead(fields, out row))
            {
                if (row % 1024 == 0) cancellationToken.ThrowIfCancellationRequested();
                if (fields.TrueForAll(string.IsNullOrWhiteSpace)) continue;
                if (headerOk) file.AddRow(row, fields);
                else file.CountUnreadRow();
            }
        }
        catch (CsvFormatException e)
        {
            file.AddFileError(e.Row, e.Message);
        }
        catch (DecoderFallbackException)
        {
            file.AddFileError(Math.Max(row, 1), "Tệp CSV không được mã hóa UTF-8; hãy lưu lại bằng “CSV UTF-8 (Comma delimited)”.");
        }
    }

    private static void ReadXlsx(Stream stream, FigureFile file, CancellationToken cancellationToken)
    {
        // A zip needs seeking; a request body may not offer it.
        Stream? copy = null;
        if (!stream.CanSeek)
        {
            copy = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            stream.CopyTo(copy);
            copy.Position = 0;
        }
        try
        {
            ReadSheet(copy ?? stream, file, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever a broken or foreign file makes the zip or XML layers throw, the data officer
            // needs the same answer: this is not a readable .xlsx.
            file.AddFileError(1, "Không đọc được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx.");
        }
        finally
        {
            copy?.Dispose();
        }
    }

    private static void ReadSheet(Stream stream, FigureFile file, CancellationToken cancellationToken)
    {
        var headerFound = false;
        var headerOk = false;
        var row = 0;
        var cells = new List<object?>();
        // Without a header row MiniExcel keys cells by column letter, in order, and yields empty rows
        // for gaps, so the position in the sequence is the spreadsheet row.
        foreach (IDictionary<string, object?> values in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            row++;
            if (row % 1024 == 0) cancellationToken.ThrowIfCancellationRequested();
            cells.Clear();
            cells.AddRange(values.Values);
            if (cells.TrueForAll(FigureFile.IsBlank)) continue;
            if (!headerFound)
            {
                headerFound = true;
                headerOk = file.SetHeader(row, cells.Select(c => (string?)CellValues.Text(c)).ToList());
            }
            else if (headerOk) file.AddRow(row, cells);
            else file.CountUnreadRow();
        }
        if (!headerFound) file.AddFileError(1, "Tệp trống: không có dòng tiêu đề.");
    }
}
