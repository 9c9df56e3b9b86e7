namespace ThiDua.Dashboard.Import;

/// <summary>What <see cref="TabularFileReader"/> fills while it reads a CSV or XLSX file; rows are spreadsheet rows, the header being the first non-blank one.</summary>
internal interface ITabularFile
{
    /// <summary>A problem with the file or a row that does not stop the reading.</summary>
    void AddFileError(int row, string message);

    /// <summary>Refuses the whole file for a reason found at <paramref name="row"/>: whatever was read before is dropped.</summary>
    void Refuse(int row, string message);

    /// <summary>Maps the header cells; false (with errors on the header row) when the rows cannot be read by it.</summary>
    bool SetHeader(int row, IReadOnlyList<string?> cells);

    /// <summary>Counts a data row that was not read because the header was not usable.</summary>
    void CountUnreadRow();

    /// <summary>One non-blank data row; cells are strings (CSV) or the values a spreadsheet holds (XLSX).</summary>
    void AddRow(int row, IReadOnlyList<object?> cells);
}
