namespace ThiDua.Dashboard.Campaigns;

/// <summary>
/// A unit as a campaign lists it. Its lineage is written on the successor: <paramref name="Predecessors"/>
/// are the codes of the units it took over, either in the same campaign (a merger during the period,
/// e.g. Thới Bình ← An Cư, An Nghiệp, An Phú) or in an earlier campaign (a new map).
/// </summary>
/// <param name="District">Null on a two-tier map, which has no district level.</param>
/// <param name="ActiveFrom">First day it competes, inclusive; null when it existed before the period.</param>
/// <param name="ActiveTo">Last day it competes, inclusive; null when it outlives the period.</param>
public sealed record CampaignUnit(
    string Code,
    string Name,
    string Block,
    string? District,
    DateOnly? ActiveFrom,
    DateOnly? ActiveTo,
    IReadOnlyList<string> Predecessors);
