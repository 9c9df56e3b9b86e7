namespace ThiDua.Dashboard.Export;

/// <summary>
/// One table of an export, independent of the file format. A cell is a <see cref="string"/>, an
/// <see cref="int"/>, a <see cref="long"/>, a <see cref="decimal"/> or null (an empty cell).
/// </summary>
/// <param name="Name">The sheet's wanted name; the workbook writer makes it legal and unique.</param>
public sealed record ExportSheet(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    internal static ArgumentException UnsupportedCell(object value) =>
        new($"An export cell must be text, a whole number, a decimal or empty, not {value.GetType().Name}.", nameof(value));
}
