namespace ThiDua.Dashboard.Campaigns;

/// <summary>A predecessor of a unit in an earlier campaign, with where its page is.</summary>
public sealed record LineageLink(string Code, string? Name, string? Campaign, string? CampaignName);

/// <summary>One unit of the previous campaign (the same code, or a predecessor) as its board stood at that campaign's last date.</summary>
public sealed record LastYearPlace(string Code, string Name, decimal Score, int Rank, int BoardSize, bool HasData);

/// <summary>The "same unit last year" comparison: the previous campaign, its last date and the units matched in it.</summary>
public sealed record LastYearComparison(CampaignRecord Campaign, DateOnly AsOf, bool SameCode, IReadOnlyList<LastYearPlace> Places);

/// <summary>
/// What the unit page shows of a unit's past across campaigns: its predecessors in earlier campaigns
/// (read from the stored lineage) and how the same unit, or the units it came from, stood in the
/// previous campaign (read from that campaign's engine, built on demand if it is closed).
/// </summary>
public sealed class UnitLineageQueries(CampaignStore store, CampaignEngines engines)
{
    /// <summary>The unit's predecessors recorded in other campaigns, or not found anywhere (a merger inside the campaign is the page's own).</summary>
    public async Task<IReadOnlyList<LineageLink>> EarlierAsync(CampaignRecord campaign, string unit, CancellationToken cancellationToken = default)
    {
        var lineage = await store.LineageAsync(campaign.Id, unit, cancellationToken);
        return [.. lineage.Where(p => p.Campaign != campaign.Code)
            .Select(p => new LineageLink(p.Code, p.Name, p.Campaign, p.Campaign is { } code ? engines.Find(code)?.Name : null))];
    }

    /// <summary>
    /// The campaign before this one (the latest public one whose period starts earlier), with the same code
    /// if it had it, else the unit's predecessors found in it; null when there is no earlier campaign.
    /// </summary>
    public async Task<LastYearComparison?> LastYearAsync(CampaignRecord campaign, string unit, CancellationToken cancellationToken = default)
    {
        var previous = engines.Catalog
            .Where(c => !c.IsDraft && c.Code != campaign.Code && c.Rules.PeriodStart < campaign.Rules.PeriodStart)
            .OrderByDescending(c => c.Rules.PeriodStart).ThenByDescending(c => c.Id).FirstOrDefault();
        if (previous is null || await engines.GetAsync(previous.Code, cancellationToken) is not { } services) return null;

        var engine = services.Host.Engine;
        var asOf = services.Host.DefaultAsOf();
        var sameCode = engine.Unit(unit) is not null;
        IReadOnlyList<string> codes = sameCode
            ? [unit]
            : [.. (await store.LineageAsync(campaign.Id, unit, cancellationToken)).Where(p => p.Campaign == previous.Code).Select(p => p.Code)];
        var standings = engine.StandingsAsOf(asOf);
        var places = new List<LastYearPlace>();
        foreach (var code in codes)
        {
            if (standings.Find(code) is not { } found) continue;
            var hasData = engine.Report(code, asOf)?.Score.LastReport is not null;
            places.Add(new LastYearPlace(code, found.Entry.Name, found.Entry.Score, found.Entry.Rank, found.Board.Entries.Length, hasData));
        }
        return new LastYearComparison(previous, asOf, sameCode, places);
    }
}
