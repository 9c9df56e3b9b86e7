namespace ThiDua.Dashboard.Import;

/// <summary>
/// A problem in an imported file, located the way a data officer finds it in a spreadsheet:
/// <paramref name="Row"/> counts the header as row 1, <paramref name="Column"/> is the header as
/// written in the file (empty when the problem concerns the whole row or file).
/// </summary>
public sealed record ImportError(int Row, string Column, string Message);
