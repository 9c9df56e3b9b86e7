using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Campaigns.Files;

/// <summary>
/// Converts between a campaign's units, whose lineage is written on the successor (predecessors),
/// and the engine's units, which carry it on the predecessor (<see cref="UnitInfo.MergedInto"/>).
/// </summary>
public static class UnitLineage
{
    /// <summary>
    /// The engine's view: a unit gets <see cref="UnitInfo.MergedInto"/> when exactly one unit of the same
    /// list names it as a predecessor. Predecessors from earlier campaigns are not units of this list and
    /// leave nothing behind; a unit split among several successors has no single one to name.
    /// </summary>
    public static IReadOnlyList<UnitInfo> ToUnitInfos(IReadOnlyList<CampaignUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var successors = units
            .SelectMany(u => u.Predecessors.Distinct(StringComparer.Ordinal).Select(p => (Predecessor: p, Successor: u.Code)))
            .Where(link => link.Predecessor != link.Successor)
            .ToLookup(link => link.Predecessor, link => link.Successor, StringComparer.Ordinal);
        return
        [
            .. units.Select(u => new UnitInfo(u.Code, u.Name, u.Block, u.District, u.ActiveFrom, u.ActiveTo,
                successors[u.Code].Take(2).ToList() is [var only] ? only : null)),
        ];
    }

    /// <summary>The campaign's view of an engine unit list (e.g. the 2024 seed): each merger becomes a predecessor of the unit merged into, in list order.</summary>
    public static IReadOnlyList<CampaignUnit> FromUnitInfos(IReadOnlyList<UnitInfo> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var predecessors = units
            .Where(u => u.MergedInto is not null)
            .ToLookup(u => u.MergedInto!, u => u.Code, StringComparer.Ordinal);
        return [.. units.Select(u => new CampaignUnit(u.Code, u.Name, u.Block, u.District, u.ActiveFrom, u.ActiveTo, [.. predecessors[u.Code]]))];
    }
}
