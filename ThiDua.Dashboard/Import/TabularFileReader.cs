using MiniExcelLibs;
using nietras.SeparatedValues;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Import;

/// <summary>
/// Reads the rows of an uploaded CSV or XLSX file into an <see cref="ITabularFile"/>, without a host:
/// CSV in UTF-8 (BOM or not) or UTF-16 with a BOM (Excel's "Unicode Text"), separated by ',', ';' or tab
/// (found in the header line), RFC 4180 quoting, CRLF, LF or CR line ends, parsed by Sep; XLSX from the
/// first sheet, with real date cells or text dates. Rows stream through with their spreadsheet row
/// number; blank rows are skipped. Shared by every import (figures, a campaign's unit list) so that
/// they all read files the same way.
/// </summary>
internal static class TabularFileReader
{
    public const int MaxCellLength = 1000;

    // .txt: what Excel names a "Unicode Text" (tab-separated UTF-16) file by default; read as delimited text.
    private static readonly string[] Extensions = [".csv", ".txt", ".xlsx"];

    /// <summary>True for the file types the reader knows: .csv and .txt (delimited text) and .xlsx.</summary>
    public static bool IsSupported(string? fileName) =>
        !string.IsNullOrWhiteSpace(fileName) && Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the whole file into <paramref name="file"/>; problems are reported to it, never thrown.</summary>
    /// <exception cref="NotSupportedException">The file name is not .csv, .txt or .xlsx; check <see cref="IsSupported"/> first.</exception>
    public static void Read(Stream stream, string fileName, ITabularFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!IsSupported(fileName)) throw new NotSupportedException($"Unsupported import file type: {fileName}");
        if (string.Equals(Path.GetExtension(fileName), ".xlsx", StringComparison.OrdinalIgnoreCase))
            ReadXlsx(stream, file, cancellationToken);
        else
            ReadCsv(stream, file, cancellationToken);
    }

    private enum RecordState { Read, Broken, Refused }

    private static SepReaderOptions CsvOptions(SepReaderOptions options) =>
        options with { HasHeader = false, Unescape = true, DisableColCountCheck = true };

    private static void ReadCsv(Stream stream, ITabularFile file, CancellationToken cancellationToken)
    {
        using var text = CsvTextReader.Open(stream);
        var fields = new List<string>();
        var row = 0;
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

        // Sep finds the separator in the header line, outside quotes: ',' or ';', or the tab of
        // Excel's "Unicode Text". Blank lines above the header would have hidden it from Sep.
        var headerRow = row;
        using var header = Sep.Reader(CsvOptions).FromText(headerLine);
        header.MoveNext();
        var state = ReadRecord(header.Current, row, fields, text, file);
        if (state == RecordState.Refused) return;
        var headerOk = state == RecordState.Read && file.SetHeader(row, fields);

        using var records = header.Spec.Sep.Reader(CsvOptions).From(text);
        foreach (var record in records)
        {
            // One record is one spreadsheet row, however many line breaks its quoted cells hold.
            row = headerRow + 1 + record.RowIndex;
            if (row % 1024 == 0) cancellationToken.ThrowIfCancellationRequested();
            // After a broken record the rest is only read to learn where the text ends.
            if (state != RecordState.Read) continue;
            state = ReadRecord(record, row, fields, text, file);
            if (state == RecordState.Refused) return;
            if (state == RecordState.Broken || fields.TrueForAll(string.IsNullOrWhiteSpace)) continue;
            if (headerOk) file.AddRow(row, fields);
            else file.CountUnreadRow();
        }
        // The text ends at the first undecodable bytes, so the last record read holds them.
        if (text.Undecodable) file.Refuse(row, text.Refusal(row, nulCharacters: false));
    }

    /// <summary>Copies a record's cells into <paramref name="fields"/>, or records why the record cannot be read.</summary>
    private static RecordState ReadRecord(SepReader.Row record, int row, List<string> fields, CsvTextReader text, ITabularFile file)
    {
        // Read the raw record before any cell is unescaped, which Sep does in place.
        var raw = record.Span;
        if (raw.Contains('\0'))
        {
            file.Refuse(row, text.Refusal(row, nulCharacters: true));
            return RecordState.Refused;
        }
        // Sep pairs quotes wherever they fall, so an odd count is a quote left open to the end of the text.
        var unclosed = raw.Count('"') % 2 == 1;
        fields.Clear();
        for (var i = 0; i < record.ColCount; i++)
        {
            var cell = record[i].Span;
            if (cell.Length > MaxCellLength)
            {
                file.AddFileError(row, $"Ô dài quá {Vi.Count(MaxCellLength)} ký tự; có thể thiếu dấu ngoặc kép đóng.");
                return RecordState.Broken;
            }
            fields.Add(cell.ToString());
        }
        if (!unclosed) return RecordState.Read;
        file.AddFileError(row, $"Dấu ngoặc kép mở ở dòng {row} không được đóng.");
        return RecordState.Broken;
    }

    private static void ReadXlsx(Stream stream, ITabularFile file, CancellationToken cancellationToken)
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

    private static void ReadSheet(Stream stream, ITabularFile file, CancellationToken cancellationToken)
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
            if (cells.TrueForAll(CellValues.IsBlank)) continue;
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
