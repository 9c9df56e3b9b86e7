using Microsoft.Extensions.Configuration;
using ThiDua.Scoring;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Units;

namespace ThiDua.Bench;

/// <summary>
/// Deterministic synthetic data shaped like a real year of the campaign: units in the four
/// blocks in Cần Thơ's proportions and weekly cumulative figures for every applicable content
/// plus the dossier count. Synthetic codes and names; plausible rates (40–100%) and dossier
/// totals that spread units across every size group.
/// </summary>
public static class SyntheticCity
{
    /// <summary>Cần Thơ: 19 departments, 9 districts, 42 wards, 41 communes.</summary>
    private static readonly (string Block, string Prefix, int Count)[] CanThoUnits =
    [
        ("so-nganh", "Sở", 19),
        ("quan-huyen", "UBND quận", 9),
        ("phuong", "UBND phường", 42),
        ("xa", "UBND xã", 41),
    ];

    public const int CityUnitCount = 111;
    public const int Weeks = 52;

    /// <summary>The shipped campaign, bound from the root appsettings.json as the dashboard binds it.</summary>
    public static CampaignRules ShippedRules()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .Build();
        return configuration.GetSection("ThiDua:Campaign").Get<CampaignRules>()
            ?? throw new InvalidOperationException("ThiDua:Campaign is missing from appsettings.json");
    }

    /// <summary>The 52 weekly as-of dates, the first one week into the period.</summary>
    public static DateOnly[] WeeklyDates(CampaignRules rules) =>
        [.. Enumerable.Range(0, Weeks).Select(w => rules.PeriodStart.AddDays(6 + 7 * w))];

    /// <summary><paramref name="count"/> units split across the blocks in Cần Thơ's proportions.</summary>
    public static UnitInfo[] Units(int count)
    {
        var units = new List<UnitInfo>(count);
        var assigned = 0;
        for (var b = 0; b < CanThoUnits.Length; b++)
        {
            var (block, prefix, cityCount) = CanThoUnits[b];
            // The last block takes the rounding remainder so the total is exact.
            var n = b == CanThoUnits.Length - 1 ? count - assigned : (int)Math.Round((double)count * cityCount / CityUnitCount);
            for (var i = 0; i < n; i++)
                units.Add(new UnitInfo($"{block}-{i + 1:D5}", $"{prefix} {i + 1:D5}", block,
                    RegisteredOn: new DateOnly(2024, 3, 1)));
            assigned += n;
        }
        return [.. units];
    }

    /// <summary>
    /// A year of weekly cumulative figures in arrival order (week by week), generated lazily so
    /// millions of figures never sit in one list. Same seed, same figures.
    /// </summary>
    public static IEnumerable<Figure> Figures(Campaign campaign, UnitInfo[] units, DateOnly[] dates, int seed = 2024)
    {
        var random = new Random(seed);
        var indicators = campaign.Rules.Indicators;
        var contents = indicators.Count;
        var n = units.Length;

        // Per unit and content: a base rate, a weekly volume, and the running cumulative totals.
        var baseRate = new double[n * contents];
        var weeklyVolume = new int[n * contents];
        var numerator = new long[n * contents];
        var denominator = new long[n * contents];
        var yearDossiers = new long[n];
        var applies = new bool[n * contents];
        for (var u = 0; u < n; u++)
        {
            for (var i = 0; i < contents; i++)
            {
                var k = u * contents + i;
                applies[k] = campaign.AppliesTo(indicators[i].Code, units[u].Block);
                baseRate[k] = 0.4 + 0.6 * random.NextDouble();
                // About one content in twenty never has anything arise for the unit.
                weeklyVolume[k] = random.Next(20) == 0 ? 0 : random.Next(3, 120);
            }
            yearDossiers[u] = YearDossiers(units[u].Block, random);
        }

        for (var w = 0; w < dates.Length; w++)
        {
            var date = dates[w];
            for (var u = 0; u < n; u++)
            {
                var code = units[u].Code;
                for (var i = 0; i < contents; i++)
                {
                    var k = u * contents + i;
                    if (!applies[k]) continue;
                    if (weeklyVolume[k] > 0)
                    {
                        var arrived = random.Next(weeklyVolume[k] / 2, weeklyVolume[k] + 1);
                        var rate = Math.Clamp(baseRate[k] + 0.1 * (random.NextDouble() - 0.5), 0.4, 1.0);
                        denominator[k] += arrived;
                        numerator[k] += (long)Math.Round(arrived * rate);
                    }
                    yield return new Figure(code, indicators[i].Code, date, numerator[k], denominator[k]);
                }
                // Dossiers resolved so far: a share of the year's total, so units change group over the year.
                var dossiers = yearDossiers[u] * (w + 1) / dates.Length;
                yield return new Figure(code, Figure.Dossiers, date, dossiers, null);
            }
        }
    }

    /// <summary>A year's dossier total that lands units in every group of the block by year end.</summary>
    private static long YearDossiers(string block, Random random) => block switch
    {
        "so-nganh" => random.Next(100, 3000),   // around the 1,000 boundary
        "quan-huyen" => random.Next(2000, 20000),
        "phuong" => random.Next(500, 6000),     // below 1,500, 1,500–3,500, from 3,500
        _ => random.Next(300, 3500),            // below 1,000, 1,000–2,000, over 2,000
    };

    /// <summary>An engine live at the last week, loaded with the whole year.</summary>
    public static (LeaderboardEngine Engine, DateOnly[] Dates) Engine(CampaignRules rules, int unitCount)
    {
        var campaign = new Campaign(rules);
        var units = Units(unitCount);
        var dates = WeeklyDates(rules);
        var engine = new LeaderboardEngine(campaign, units, dates[^1]);
        engine.Load(Figures(campaign, units, dates), version: 1);
        return (engine, dates);
    }
}
