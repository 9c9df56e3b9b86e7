using ThiDua.Scoring.Ranking;

namespace ThiDua.Dashboard.Live;

/// <summary>
/// The boards week by week through the campaign, for the rank and score charts. Every open page
/// asks for the same dates, so results are shared until the engine version changes.
/// </summary>
public sealed class StandingsHistory(EngineHost host)
{
    private readonly Lock _lock = new();
    private long _version = -1;
    private readonly Dictionary<DateOnly, Standings> _cache = [];

    /// <summary>The standings every 7 days from the period start up to <paramref name="asOf"/>, which is always included.</summary>
    public IReadOnlyList<Standings> Weekly(DateOnly asOf)
    {
        var engine = host.Engine;
        var dates = new List<DateOnly>();
        for (var d = host.Rules.PeriodStart; d < asOf; d = d.AddDays(7)) dates.Add(d);
        dates.Add(asOf);

        var result = new List<Standings>(dates.Count);
        foreach (var date in dates)
        {
            lock (_lock)
            {
                if (_version != engine.Version)
                {
                    _cache.Clear();
                    _version = engine.Version;
                }
                if (_cache.TryGetValue(date, out var cached))
                {
                    result.Add(cached);
                    continue;
                }
            }
            var standings = engine.StandingsAsOf(date);
            lock (_lock)
                if (standings.Version == _version) _cache[date] = standings;
            result.Add(standings);
        }
        return result;
    }
}
