using System.Globalization;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Export;

/// <summary>The workbook's first sheet, "Thông tin": what the file shows and when it was made.</summary>
public static class ExportInfo
{
    public const string SheetName = "Thông tin";
    public const string ItemColumn = "Mục";
    public const string ValueColumn = "Giá trị";

    public const string CampaignItem = "Đợt thi đua";
    public const string AsOfItem = "Ngày số liệu";
    public const string GeneratedItem = "Thời điểm xuất";
    public const string VersionItem = "Phiên bản dữ liệu";

    /// <param name="generatedAt">The instant of the export on the campaign's wall clock (<see cref="Configuration.CampaignClock.Local"/>), shown with its offset.</param>
    /// <param name="extra">Rows that only this kind of export needs, after the common ones.</param>
    public static ExportSheet Sheet(CampaignRules rules, DateOnly asOf, long version, DateTimeOffset generatedAt,
        IEnumerable<(string Item, object? Value)>? extra = null)
    {
        var offset = generatedAt.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var generated = generatedAt.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture)
            + $" (UTC{sign}{offset.Duration():hh\\:mm}, {rules.TimeZone})";

        List<IReadOnlyList<object?>> rows =
        [
            [CampaignItem, rules.Name],
            [AsOfItem, Vi.Date(asOf)],
            [GeneratedItem, generated],
            [VersionItem, version],
        ];
        foreach (var (item, value) in extra ?? []) rows.Add([item, value]);
        return new ExportSheet(SheetName, [ItemColumn, ValueColumn], rows);
    }
}
