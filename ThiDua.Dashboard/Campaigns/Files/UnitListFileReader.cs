using ThiDua.Dashboard.Import;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Campaigns.Files;

/// <summary>
/// Reads a draft campaign's unit list from CSV (UTF-8 or UTF-16 with BOM; ',', ';' or tab) or XLSX, the
/// same way the figure import reads its files. Never throws for what a file holds.
/// </summary>
public static class UnitListFileReader
{
    public static bool IsSupported(string? fileName) => TabularFileReader.IsSupported(fileName);

    /// <param name="rules">The campaign the units are for: its blocks and period are what the units are checked against.</param>
    /// <exception cref="NotSupportedException">The file name is not .csv, .txt or .xlsx; check <see cref="IsSupported"/> first.</exception>
    public static UnitListFile Read(Stream stream, string fileName, CampaignRules rules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var file = new UnitListFile(rules);
        TabularFileReader.Read(stream, fileName, file, cancellationToken);
        file.Complete();
        return file;
    }
}
