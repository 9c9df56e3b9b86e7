using System.Text;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Import;

/// <summary>Thrown when a CSV file cannot be split into records; carries the spreadsheet row it happened on.</summary>
internal sealed class CsvFormatException(int row, string message) : Exception(message)
{
    public int Row { get; } = row;
}

/// <summary>
/// Streams RFC 4180 records from a text reader: quoted fields with doubled quotes and line breaks,
/// CRLF, LF or CR line ends. A record is one spreadsheet row, so a line break inside quotes does
/// not advance the row number — that is how a spreadsheet shows the same file.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, char separator, int firstRow, int maxFieldLength)
{
    private enum State { FieldStart, Unquoted, Quoted, AfterQuote }

    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;

    /// <summary>The spreadsheet row the next record starts on.</summary>
    public int NextRow { get; private set; } = firstRow;

    /// <summary>The field separator found in a header line: the more frequent of ';' and ',' outside quotes (',' on a tie).</summary>
    public static char DetectSeparator(string headerLine)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
        }
        return semicolons > commas ? ';' : ',';
    }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the text.</summary>
    public bool TryRead(List<string> fields, out int row)
    {
        fields.Clear();
        row = NextRow;
        if (!EnsureData()) return false;
        _field.Clear();
        var state = State.FieldStart;
        while (true)
        {
            if (!EnsureData())
            {
                if (state == State.Quoted)
                    throw new CsvFormatException(row, $"Dấu ngoặc kép mở ở dòng {row} không được đóng.");
                EndField(fields);
                NextRow++;
                return true;
            }
            var c = _buffer[_position++];
            switch (state)
            {
                case State.Quoted:
                    if (c != '"') Append(c, row);
                    else if (EnsureData() && _buffer[_position] == '"')
                    {
                        _position++;
                        Append('"', row);
                    }
                    else state = State.AfterQuote;
                    continue;
                case State.FieldStart when c == '"':
                    state = State.Quoted;
                    continue;
            }
            if (c == separator)
            {
                EndField(fields);
                state = State.FieldStart;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && EnsureData() && _buffer[_position] == '\n') _position++;
                EndField(fields);
                NextRow++;
                return true;
            }
            else
            {
                // Text after a closing quote, or a quote inside an unquoted field, is kept as written:
                // a lenient reading of what spreadsheets export, never a silent loss of characters.
                Append(c, row);
                state = State.Unquoted;
            }
        }
    }

    private void Append(char c, int row)
    {
        if (_field.Length >= maxFieldLength)
            throw new CsvFormatException(row, $"Ô dài quá {Vi.Count(maxFieldLength)} ký tự; có thể thiếu dấu ngoặc kép đóng.");
        _field.Append(c);
    }

    private void EndField(List<string> fields)
    {
        fields.Add(_field.ToString());
        _field.Clear();
    }

    private bool EnsureData()
    {
        if (_position < _length) return true;
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
