using System.Buffers;
using System.Buffers.Binary;
using System.Text.Unicode;

namespace ThiDua.Dashboard.Import;

/// <summary>
/// The text of an uploaded CSV file. A byte order mark decides the encoding (UTF-8, UTF-16 LE as
/// Excel's "Unicode Text" writes it, UTF-16 BE); without one the bytes must be strict UTF-8.
/// Decoding stops at the first bytes that are not valid in that encoding: the text ends there with
/// <see cref="Marker"/>, so the last record a CSV parser reads from it is the spreadsheet row that
/// holds them, quoted line breaks included. Nothing after them is decoded, and no byte is ever
/// turned into a guessed character.
/// </summary>
internal sealed class CsvTextReader : TextReader
{
    /// <summary>Ends the text where undecodable bytes were; only meaningful when <see cref="Undecodable"/> is true.</summary>
    private const char Marker = '\uFFFD';

    private const int BufferSize = 64 * 1024;

    private enum Kind { Utf8, Utf16LittleEndian, Utf16BigEndian }

    private readonly Stream _stream;
    private readonly Kind _kind;
    private readonly byte[] _bytes = new byte[BufferSize];
    // One more than the bytes can fill, for the marker.
    private readonly char[] _chars = new char[BufferSize + 1];
    private int _byteCount;
    private int _position;
    private int _length;
    private bool _streamEnded;
    private bool _textEnded;

    private CsvTextReader(Stream stream, Kind kind, bool byteOrderMark, ReadOnlySpan<byte> firstBytes)
    {
        _stream = stream;
        _kind = kind;
        ByteOrderMark = byteOrderMark;
        firstBytes.CopyTo(_bytes);
        _byteCount = firstBytes.Length;
    }

    /// <summary>Reads the byte order mark, if any, from the start of <paramref name="stream"/>; the stream is left open.</summary>
    public static CsvTextReader Open(Stream stream)
    {
        Span<byte> start = stackalloc byte[3];
        start = start[..stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false)];
        return start switch
        {
            [0xEF, 0xBB, 0xBF, ..] => new CsvTextReader(stream, Kind.Utf8, true, start[3..]),
            [0xFF, 0xFE, ..] => new CsvTextReader(stream, Kind.Utf16LittleEndian, true, start[2..]),
            [0xFE, 0xFF, ..] => new CsvTextReader(stream, Kind.Utf16BigEndian, true, start[2..]),
            _ => new CsvTextReader(stream, Kind.Utf8, false, start),
        };
    }

    /// <summary>True when the file starts with a byte order mark.</summary>
    public bool ByteOrderMark { get; }

    /// <summary>The encoding the text is read in, as a data officer knows it.</summary>
    public string EncodingName => _kind == Kind.Utf8 ? "UTF-8" : "UTF-16";

    /// <summary>True once bytes were met that the encoding cannot decode; the text ended there.</summary>
    public bool Undecodable { get; private set; }

    /// <summary>
    /// Why row <paramref name="row"/> cannot be read and how to save the file so that it can: after
    /// undecodable bytes, or at NUL characters, which no CSV holds but UTF-16 text read as UTF-8 is full of.
    /// </summary>
    public string Refusal(int row, bool nulCharacters)
    {
        var cause = ByteOrderMark
            ? $"đầu tệp ghi là {EncodingName} (có BOM) nhưng dòng này có byte không hợp lệ, có thể tệp đã bị hỏng"
            : nulCharacters
                ? "dòng này có byte 0, dấu hiệu của tệp được lưu bằng UTF-16 không có BOM"
                : "tệp có vẻ được lưu bằng bảng mã khác (Windows-1258 hoặc Windows-1252)";
        return $"Dòng {row} không đọc được theo {EncodingName}: {cause}. "
               + "Trong Excel chọn Tệp → Lưu Như (File → Save As), loại tệp “CSV UTF-8 (Comma delimited) (*.csv)”, rồi gửi lại tệp.";
    }

    public override int Peek() => Fill() ? _chars[_position] : -1;

    public override int Read() => Fill() ? _chars[_position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !Fill()) return 0;
        var count = Math.Min(buffer.Length, _length - _position);
        _chars.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    /// <summary>Decodes more text when all decoded text was read; false at the end of the text.</summary>
    private bool Fill()
    {
        while (_position >= _length)
        {
            if (_textEnded) return false;
            if (!_streamEnded)
            {
                var read = _stream.Read(_bytes, _byteCount, _bytes.Length - _byteCount);
                _streamEnded = read == 0;
                _byteCount += read;
            }
            var status = _kind == Kind.Utf8
                ? Utf8.ToUtf16(_bytes.AsSpan(0, _byteCount), _chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false, isFinalBlock: _streamEnded)
                : DecodeUtf16(_bytes.AsSpan(0, _byteCount), _chars, _kind == Kind.Utf16BigEndian, _streamEnded, out bytesRead, out charsWritten);
            // Bytes of a character cut by the buffer's end wait for the next read.
            _bytes.AsSpan(bytesRead, _byteCount - bytesRead).CopyTo(_bytes);
            _byteCount -= bytesRead;
            _position = 0;
            _length = charsWritten;
            if (status == OperationStatus.InvalidData)
            {
                _chars[_length++] = Marker;
                Undecodable = true;
                _textEnded = true;
            }
            else if (_streamEnded && _byteCount == 0)
            {
                _textEnded = true;
            }
        }
        return true;
    }

    /// <summary>Strict UTF-16: a surrogate must come in a high-low pair; the same contract as <see cref="Utf8.ToUtf16"/>.</summary>
    private static OperationStatus DecodeUtf16(ReadOnlySpan<byte> bytes, Span<char> chars, bool bigEndian, bool isFinalBlock, out int bytesRead, out int charsWritten)
    {
        char At(ReadOnlySpan<byte> b, int i) =>
            (char)(bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b[i..]) : BinaryPrimitives.ReadUInt16LittleEndian(b[i..]));

        bytesRead = 0;
        charsWritten = 0;
        while (bytesRead + 1 < bytes.Length)
        {
            var c = At(bytes, bytesRead);
            if (char.IsLowSurrogate(c)) return OperationStatus.InvalidData;
            if (!char.IsHighSurrogate(c))
            {
                chars[charsWritten++] = c;
                bytesRead += 2;
                continue;
            }
            if (bytesRead + 3 >= bytes.Length) break;
            var low = At(bytes, bytesRead + 2);
            if (!char.IsLowSurrogate(low)) return OperationStatus.InvalidData;
            chars[charsWritten++] = c;
            chars[charsWritten++] = low;
            bytesRead += 4;
        }
        if (bytesRead == bytes.Length) return OperationStatus.Done;
        return isFinalBlock ? OperationStatus.InvalidData : OperationStatus.NeedMoreData;
    }
}
