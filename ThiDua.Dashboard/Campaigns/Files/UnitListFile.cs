using ThiDua.Dashboard.Import;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Campaigns.Files;

/// <summary>
/// A draft campaign's unit list read from CSV or XLSX (columns in <see cref="UnitListColumns"/>): the
/// units in file order, and every problem at the spreadsheet row and the column as written. Units
/// are checked as the campaign file's are (<see cref="UnitChecks"/>), against the campaign's blocks.
/// </summary>
public sealed class UnitListFile : ITabularFile
{
    private readonly CampaignRules _rules;
    private readonly List<CampaignUnit> _units = [];
    private readonly List<int> _rows = [];
    private readonly List<ImportError> _errors = [];
    private readonly List<ImportError> _warnings = [];
    private readonly int[] _cellIndex = new int[UnitListColumns.All.Count];
    private readonly string[] _columns = [.. UnitListColumns.All.Select(UnitListColumns.Vietnamese)];
    private int _headerRow = 1;
    private bool _headerRead;
    private Dictionary<string, string>? _blockByName;

    internal UnitListFile(CampaignRules rules) => _rules = rules;

    /// <summary>The units, in file order; only meaningful to store when <see cref="Errors"/> is empty.</summary>
    public IReadOnlyList<CampaignUnit> Units => _units;

    /// <summary>The spreadsheet row of each unit.</summary>
    public IReadOnlyList<int> Rows => _rows;

    public IReadOnlyList<ImportError> Errors => _errors;

    public IReadOnlyList<ImportError> Warnings => _warnings;

    public bool IsValid => _errors.Count == 0;

    /// <summary>Runs the unit checks once every row is read.</summary>
    internal void Complete()
    {
        if (_headerRead && _units.Count == 0 && _errors.Count == 0)
            _errors.Add(new ImportError(_headerRow + 1, "", "Tệp không có dòng đơn vị nào dưới dòng tiêu đề."));
        if (!_headerRead || _units.Count == 0) return;
        UnitChecks.Check(_units, _rules, i => $"dòng {_rows[i]}", (isError, index, field, code, message) =>
        {
            var row = index < 0 ? _headerRow : _rows[index];
            var column = UnitListColumns.FromField(field) is { } c ? _columns[(int)c] : "";
            var error = new ImportError(row, column, message);
            // A cell that could not be read already has its error; the check would only repeat it as missing.
            if (isError && _errors.Any(e => e.Row == row && e.Column == column)) return;
            (isError ? _errors : _warnings).Add(error);
        });
        _errors.Sort((a, b) => a.Row.CompareTo(b.Row));
    }

    void ITabularFile.AddFileError(int row, string message) => AddFileError(row, message);

    private void AddFileError(int row, string message) => _errors.Add(new ImportError(row, "", message));

    void ITabularFile.Refuse(int row, string message)
    {
        _units.Clear();
        _rows.Clear();
        _errors.Clear();
        _warnings.Clear();
        _headerRead = false;
        AddFileError(row, message);
    }

    bool ITabularFile.SetHeader(int row, IReadOnlyList<string?> cells)
    {
        _headerRow = row;
        Array.Fill(_cellIndex, -1);
        var ok = true;
        for (var i = 0; i < cells.Count; i++)
        {
            var written = (cells[i] ?? "").Trim().Trim('\uFEFF').Trim();
            if (written.Length == 0) continue;
            if (UnitListColumns.FromHeader(written) is not { } column)
            {
                _warnings.Add(new ImportError(row, written, $"Cột “{Echo.Input(written)}” không thuộc danh sách đơn vị nên được bỏ qua."));
                continue;
            }
            if (_cellIndex[(int)column] >= 0)
            {
                _errors.Add(new ImportError(row, written, $"Cột “{written}” trùng với cột “{_columns[(int)column]}”; mỗi trường chỉ được có một cột."));
                ok = false;
                continue;
            }
            _cellIndex[(int)column] = i;
            _columns[(int)column] = written;
        }
        foreach (var column in UnitListColumns.All.Where(c => UnitListColumns.IsRequired(c) && _cellIndex[(int)c] < 0))
        {
            _errors.Add(new ImportError(row, UnitListColumns.Vietnamese(column),
                $"Dòng tiêu đề thiếu cột “{UnitListColumns.Vietnamese(column)}” (hoặc “{UnitListColumns.Field(column)}”)."));
            ok = false;
        }
        _headerRead = ok;
        return ok;
    }

    // Without a usable header the file is refused as a whole; its rows need no count.
    void ITabularFile.CountUnreadRow()
    {
    }

    void ITabularFile.AddRow(int row, IReadOnlyList<object?> cells)
    {
        object? Cell(UnitListColumn column)
        {
            var index = _cellIndex[(int)column];
            return index >= 0 && index < cells.Count ? cells[index] : null;
        }
        DateOnly? Date(UnitListColumn column, string what)
        {
            var cell = Cell(column);
            if (CellValues.IsBlank(cell)) return null;
            if (CellValues.Date(cell) is { } date) return date;
            _errors.Add(new ImportError(row, _columns[(int)column],
                $"Ngày {what} “{Echo.Input(CellValues.Text(cell))}” không hợp lệ; viết theo dạng yyyy-MM-dd hoặc dd/MM/yyyy (ví dụ 2024-11-01 hoặc 01/11/2024)."));
            return null;
        }

        var predecessors = CellValues.Text(Cell(UnitListColumn.Predecessors))
            .Split(UnitListColumns.PredecessorSeparators, StringSplitOptions.TrimEntries)
            .Select(code => code.ToLowerInvariant())
            .ToList();
        // "a;b;" and a blank cell are not lists with an empty code in them.
        if (predecessors.Count > 0 && predecessors[^1].Length == 0) predecessors.RemoveAt(predecessors.Count - 1);

        _units.Add(new CampaignUnit(
            CellValues.Text(Cell(UnitListColumn.Code)).ToLowerInvariant(),
            CellValues.Text(Cell(UnitListColumn.Name)),
            Block(CellValues.Text(Cell(UnitListColumn.Block))),
            CellValues.Text(Cell(UnitListColumn.District)) is { Length: > 0 } district ? district : null,
            Date(UnitListColumn.ActiveFrom, "hiệu lực từ"),
            Date(UnitListColumn.ActiveTo, "hiệu lực đến"),
            predecessors));
        _rows.Add(row);
    }

    /// <summary>The block's code, also when the row gives the block's name as the plan writes it (accents, case and spacing ignored).</summary>
    private string Block(string written)
    {
        if (_rules.Blocks.Any(b => b.Code == written)) return written;
        _blockByName ??= _rules.Blocks
            .GroupBy(b => ViSearch.Fold(b.Name), StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Code, StringComparer.Ordinal);
        return _blockByName.TryGetValue(ViSearch.Fold(written), out var code) ? code : written.ToLowerInvariant();
    }
}
