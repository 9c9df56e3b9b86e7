using ThiDua.Scoring.Text;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Wording;

/// <summary>
/// Units that left the boards during the campaign (a merger, an end of activity), in words built
/// from the unit data alone, and how the engine treats what they reported before: a unit is on
/// the boards only while it is active, and nothing it reported is added to the unit it joined.
/// </summary>
public static class UnitChanges
{
    /// <summary>How the earlier figures of units that left are counted; true to what the engine does.</summary>
    public const string Treatment =
        "Kể từ ngày nêu trên, đơn vị đã sáp nhập không còn trên bảng xếp hạng nên không được đề xuất khen thưởng; "
        + "số liệu đơn vị đó báo cáo đến trước ngày sáp nhập vẫn được lưu và vẫn được tính khi xem bảng ở những ngày trước, "
        + "nhưng không cộng vào số liệu hay điểm của đơn vị nhận sáp nhập; từ ngày sáp nhập, số liệu báo cáo cho đơn vị nhận sáp nhập.";

    /// <summary>
    /// One sentence per merger or closing among the given units, e.g. "Phường An Cư, Phường An Nghiệp
    /// và Phường An Phú sáp nhập vào Phường Thới Bình từ ngày 01/11/2024"; empty when none left.
    /// </summary>
    public static IReadOnlyList<string> Departures(IEnumerable<UnitInfo> units, Func<string, UnitInfo?> unitOf) =>
        [.. units.Where(u => u.ActiveTo is not null)
            .GroupBy(u => (u.MergedInto, Left: u.ActiveTo!.Value.AddDays(1)))
            .OrderBy(g => g.Key.Left).ThenBy(g => g.Key.MergedInto, StringComparer.Ordinal)
            .Select(g => g.Key.MergedInto is { } into
                ? $"{Names(g)} sáp nhập vào {unitOf(into)?.Name ?? into} từ ngày {Vi.Date(g.Key.Left)}"
                : $"{Names(g)} ngừng hoạt động từ ngày {Vi.Date(g.Key.Left)}")];

    /// <summary>A board's footnote: the block's units that left its boards and how their figures count; null when none left.</summary>
    public static string? BoardNote(IEnumerable<UnitInfo> blockUnits, Func<string, UnitInfo?> unitOf) =>
        Departures(blockUnits, unitOf) is { Count: > 0 } departures
            ? $"Đơn vị rời bảng xếp hạng của khối: {string.Join("; ", departures)}. {Treatment}"
            : null;

    /// <summary>The units merged into <paramref name="unit"/>, with the date; empty when none.</summary>
    public static IReadOnlyList<string> Absorbed(UnitInfo unit, IEnumerable<UnitInfo> units) =>
        Departures(units.Where(u => u.MergedInto == unit.Code), code => code == unit.Code ? unit : null);

    private static string Names(IEnumerable<UnitInfo> units)
    {
        var names = units.Select(u => u.Name).Order(Vi.Collation).ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} và {names[^1]}";
    }
}
