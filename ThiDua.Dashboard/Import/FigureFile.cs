using System.Globalization;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Text;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Import;

/// <summary>
/// What <see cref="FigureFileReader"/> read from one file: a figure per data row (with its
/// spreadsheet row), the reading errors, and the header names as written, so that the shared
/// validator's errors can be shown at the row and column the data officer typed them in.
/// </summary>
public sealed class FigureFile : ITabularFile
{
    /// <summary>A file with errors on every row would otherwise answer with megabytes of them.</summary>
    public const int MaxListedErrors = 1000;

    private readonly List<Figure> _figures = [];
    private readonly List<int> _rows = [];
    // Per figure, one bit per field whose cell could not be read: the placeholder put there instead
    // must not produce a second, misleading validation error.
    private readonly List<byte> _unreadable = [];
    private readonly List<ImportError> _readErrors = [];
    private readonly string[] _columns = FigureFields.All.Select(FigureFields.Vietnamese).ToArray();
    private readonly int[] _cellIndex = new int[FigureFields.All.Count];
    private readonly HashSet<string> _units = new(StringComparer.Ordinal);
    private readonly HashSet<string> _indicators = new(StringComparer.Ordinal);
    private bool _headerRead;
    private int _headerRow = 1;
    private int _dataRows;

    internal FigureFile(string fileName) => FileName = fileName;

    public string FileName { get; }

    /// <summary>One figure per data row, in file order; only meaningful to submit when <see cref="ReadErrors"/> is empty.</summary>
    public IReadOnlyList<Figure> Figures => _figures;

    /// <summary>The spreadsheet row of each figure.</summary>
    public IReadOnlyList<int> Rows => _rows;

    public IReadOnlyList<ImportError> ReadErrors => _readErrors;

    /// <summary>Data rows seen, including rows that could not be read.</summary>
    public int DataRows => _dataRows;

    /// <summary>The column of a field as its header is written in the file.</summary>
    public string ColumnName(FigureField field) => _columns[(int)field];

    /// <summary>
    /// Runs the shared validation over the read figures and returns the preview: every reading and
    /// validation error by row and column as written, in row order.
    /// </summary>
    public ImportPreview Validate(Func<IReadOnlyList<Figure>, IReadOnlyList<FigureError>> validate)
    {
        ArgumentNullException.ThrowIfNull(validate);
        var errors = new List<ImportError>(_readErrors);
        if (_figures.Count > 0) errors.AddRange(MapErrors(validate(_figures)));
        if (_headerRead && _dataRows == 0)
            errors.Add(new ImportError(_headerRow + 1, "", "Tệp không có dòng số liệu nào dưới dòng tiêu đề."));
        return Preview(errors);
    }

    /// <summary>Places validation errors (by figure index) at their row and column in the file.</summary>
    public IReadOnlyList<ImportError> MapErrors(IReadOnlyList<FigureError> errors)
    {
        var mapped = new List<ImportError>(errors.Count);
        foreach (var error in errors)
        {
            if (error.Index < 0 || error.Index >= _figures.Count)
            {
                mapped.Add(new ImportError(_headerRow, "", error.Message));
                continue;
            }
            var field = FigureFields.FromApiName(error.Field);
            if (field is { } f && (_unreadable[error.Index] & Bit(f)) != 0) continue;
            mapped.Add(new ImportError(_rows[error.Index], field is { } g ? ColumnName(g) : "", error.Message));
        }
        return mapped;
    }

    /// <summary>Warnings (by figure index) at their row and column, in row order, the list capped like errors.</summary>
    public IReadOnlyList<ImportError> MapWarnings(IReadOnlyList<FigureError> warnings) =>
        [.. MapErrors(warnings).OrderBy(w => w.Row).Take(MaxListedErrors)];

    /// <summary>The counts of this file with the given errors, sorted by row then column order, the list capped.</summary>
    public ImportPreview Preview(IReadOnlyList<ImportError> errors)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in FigureFields.All) order.TryAdd(ColumnName(field), (int)field);
        var listed = errors
            .OrderBy(e => e.Row)
            .ThenBy(e => order.TryGetValue(e.Column, out var i) ? i : -1)
            .Take(MaxListedErrors)
            .ToList();
        var indicators = _indicators.Order(StringComparer.Ordinal).ToList();
        return new ImportPreview(_dataRows, _units.Count, indicators, listed, errors.Count);
    }

    // ----- building, used by the reader -----

    void ITabularFile.AddFileError(int row, string message) => AddFileError(row, message);

    void ITabularFile.Refuse(int row, string message) => Refuse(row, message);

    bool ITabularFile.SetHeader(int row, IReadOnlyList<string?> cells) => SetHeader(row, cells);

    void ITabularFile.CountUnreadRow() => CountUnreadRow();

    void ITabularFile.AddRow(int row, IReadOnlyList<object?> cells) => AddRow(row, cells);

    internal void AddFileError(int row, string message) => _readErrors.Add(new ImportError(row, "", message));

    /// <summary>Refuses the whole file for a reason found at <paramref name="row"/>: whatever was read before it is dropped.</summary>
    internal void Refuse(int row, string message)
    {
        _figures.Clear();
        _rows.Clear();
        _unreadable.Clear();
        _readErrors.Clear();
        _units.Clear();
        _indicators.Clear();
        _dataRows = 0;
        _headerRead = false;
        AddFileError(row, message);
    }

    /// <summary>Maps the header cells to fields; false (with errors on the header row) when a field is missing or repeated.</summary>
    internal bool SetHeader(int row, IReadOnlyList<string?> cells)
    {
        _headerRow = row;
        Array.Fill(_cellIndex, -1);
        int vietnamese = 0, english = 0;
        var ok = true;
        for (var i = 0; i < cells.Count; i++)
        {
            var written = (cells[i] ?? "").Trim().Trim('\uFEFF').Trim();
            if (FigureFields.FromHeader(written) is not { } field) continue;
            if (string.Equals(written, FigureFields.English(field), StringComparison.OrdinalIgnoreCase)) english++;
            else vietnamese++;
            var slot = (int)field;
            if (_cellIndex[slot] >= 0)
            {
                _readErrors.Add(new ImportError(row, written,
                    $"Cột “{written}” trùng với cột “{_columns[slot]}”; mỗi trường chỉ được có một cột."));
                ok = false;
                continue;
            }
            _cellIndex[slot] = i;
            _columns[slot] = written;
        }
        foreach (var field in FigureFields.All)
        {
            if (_cellIndex[(int)field] >= 0) continue;
            var vi = FigureFields.Vietnamese(field);
            var en = FigureFields.English(field);
            var name = english > vietnamese ? en : vi;
            _columns[(int)field] = name;
            _readErrors.Add(new ImportError(row, name, $"Dòng tiêu đề thiếu cột “{vi}” (hoặc “{en}”)."));
            ok = false;
        }
        _headerRead = ok;
        return ok;
    }

    /// <summary>Counts a data row the header could not be mapped for.</summary>
    internal void CountUnreadRow() => _dataRows++;

    /// <summary>Reads one data row; cells are strings (CSV) or the values a spreadsheet holds (XLSX).</summary>
    internal void AddRow(int row, IReadOnlyList<object?> cells)
    {
        _dataRows++;
        byte unreadable = 0;
        object? Cell(FigureField field)
        {
            var index = _cellIndex[(int)field];
            return index < cells.Count ? cells[index] : null;
        }
        void Fail(FigureField field, string message)
        {
            unreadable |= Bit(field);
            _readErrors.Add(new ImportError(row, ColumnName(field), message));
        }

        var unit = Code(Cell(FigureField.Unit), _units);
        if (unit.Length == 0) Fail(FigureField.Unit, "Thiếu mã đơn vị.");

        var indicator = IndicatorCode(Cell(FigureField.Indicator));
        if (indicator.Length == 0)
        {
            Fail(FigureField.Indicator, "Thiếu mã chỉ tiêu.");
            // Whether a denominator belongs in the row depends on the indicator; without one, say nothing about it.
            unreadable |= Bit(FigureField.Denominator);
        }
        var dossiers = indicator == Figure.Dossiers;

        var asOf = DateOnly.MinValue;
        var dateCell = Cell(FigureField.AsOf);
        if (IsBlank(dateCell)) Fail(FigureField.AsOf, "Thiếu ngày số liệu.");
        else if (CellValues.Date(dateCell) is { } date) asOf = date;
        else Fail(FigureField.AsOf,
            $"Ngày số liệu “{CellValues.Text(dateCell)}” không hợp lệ; viết theo dạng yyyy-MM-dd hoặc dd/MM/yyyy (ví dụ 2024-06-30 hoặc 30/06/2024).");

        var numerator = 0L;
        var numeratorCell = Cell(FigureField.Numerator);
        var numeratorName = dossiers ? "số hồ sơ giải quyết" : "tử số";
        if (IsBlank(numeratorCell)) Fail(FigureField.Numerator, $"Thiếu {numeratorName}.");
        else if (CellValues.Integer(numeratorCell) is { } n) numerator = n;
        else Fail(FigureField.Numerator, NotAnInteger(numeratorName, numeratorCell));

        long? denominator = null;
        var denominatorCell = Cell(FigureField.Denominator);
        if (!IsBlank(denominatorCell))
        {
            if (CellValues.Integer(denominatorCell) is { } d) denominator = d;
            else Fail(FigureField.Denominator, NotAnInteger("mẫu số", denominatorCell));
        }

        _figures.Add(new Figure(unit, indicator, asOf, numerator, denominator));
        _rows.Add(row);
        _unreadable.Add(unreadable);
    }

    internal static bool IsBlank(object? cell) => CellValues.IsBlank(cell);

    private static string NotAnInteger(string what, object? cell) =>
        $"{char.ToUpper(what[0], CultureInfo.InvariantCulture)}{what[1..]} “{CellValues.Text(cell)}” không phải là số nguyên; viết liền các chữ số, không dùng dấu phân cách hàng nghìn.";

    /// <summary>
    /// A content code; the plan writes content dd as the letter "đ", and an officer copying the plan
    /// types that letter, so it is taken for the code.
    /// </summary>
    private string IndicatorCode(object? cell)
    {
        return Code(CellValues.Text(cell) is "đ" or "Đ" ? "dd" : cell, _indicators);
    }

    /// <summary>
    /// Puts unit codes where a row names its unit by its exact full name (accents, case and spacing ignored),
    /// as officers who do not know the codes write them. A name shared by several units is an error on that
    /// cell naming them; a text that is neither a code nor a name is left to the validator ("Không có đơn vị mã").
    /// </summary>
    public void ResolveUnitNames(IReadOnlyList<UnitInfo> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var codes = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        ILookup<string, UnitInfo>? byName = null;
        for (var i = 0; i < _figures.Count; i++)
        {
            var written = _figures[i].Unit;
            if (written.Length == 0 || codes.Contains(written) || (_unreadable[i] & Bit(FigureField.Unit)) != 0) continue;
            byName ??= units.ToLookup(u => ViSearch.Fold(u.Name), StringComparer.Ordinal);
            var candidates = byName[ViSearch.Fold(written)].ToList();
            if (candidates.Count == 1)
            {
                _figures[i] = _figures[i] with { Unit = Code(candidates[0].Code, _units) };
            }
            else if (candidates.Count > 1)
            {
                _unreadable[i] |= Bit(FigureField.Unit);
                var named = string.Join("; ", candidates.OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => $"{u.Code} ({u.Name}{(u.District is { Length: > 0 } d ? ", " + d : "")})"));
                _readErrors.Add(new ImportError(_rows[i], ColumnName(FigureField.Unit),
                    $"Tên đơn vị “{Echo.Input(written)}” trùng với {Vi.Count(candidates.Count)} đơn vị: {named}; hãy ghi mã đơn vị."));
            }
        }
        // The distinct units counted are the resolved codes, not the names as written.
        _units.Clear();
        foreach (var figure in _figures)
            if (figure.Unit.Length > 0) _units.Add(figure.Unit);
    }

    /// <summary>A code as the engine spells it (codes are lower case), shared with earlier rows to keep 100,000 rows small.</summary>
    private static string Code(object? cell, HashSet<string> seen)
    {
        var code = CellValues.Text(cell).ToLowerInvariant();
        if (code.Length == 0) return code;
        if (seen.TryGetValue(code, out var existing)) return existing;
        seen.Add(code);
        return code;
    }

    private static byte Bit(FigureField field) => (byte)(1 << (int)field);
}
