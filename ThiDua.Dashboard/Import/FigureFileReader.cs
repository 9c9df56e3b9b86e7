namespace ThiDua.Dashboard.Import;

/// <summary>
/// Reads figures from a CSV or XLSX file (see <see cref="TabularFileReader"/> for what files it takes),
/// with headers in English or Vietnamese in any order. Rows stream through, so a file of 100,000 rows
/// costs its figures, not its text.
/// </summary>
public static class FigureFileReader
{
    public const int MaxCellLength = TabularFileReader.MaxCellLength;

    /// <summary>True for the file types the reader knows: .csv and .txt (delimited text) and .xlsx.</summary>
    public static bool IsSupported(string? fileName) => TabularFileReader.IsSupported(fileName);

    /// <summary>Reads the whole file; problems become <see cref="FigureFile.ReadErrors"/>, never exceptions.</summary>
    /// <exception cref="NotSupportedException">The file name is not .csv, .txt or .xlsx; check <see cref="IsSupported"/> first.</exception>
    public static FigureFile Read(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        var file = new FigureFile(fileName);
        TabularFileReader.Read(stream, fileName, file, cancellationToken);
        return file;
    }
}
