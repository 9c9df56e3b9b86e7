using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace ThiDua.LoadTest;

public sealed record Indicator(string Code, double MaxPoints, double FullCreditAt, IReadOnlyList<string> AppliesTo);

public sealed record Unit(string Code, string Block, string BoardKey);

/// <summary>One figure as posted: numerator over a denominator of 1,000.</summary>
public sealed record FigureItem(string Unit, string Indicator, long Numerator, long Denominator, DateOnly AsOf, string BoardKey);

/// <summary>
/// The data every system in a run gets: the shipped campaign's units with four weeks of figures,
/// then a deterministic sequence of updates. Each update moves a content's rate by a multiple of 8%
/// of its full-credit rate and stays below full credit, so every update changes its unit's score
/// (by ≥ 0.4 points) and therefore its board: an update that changed nothing would never be pushed
/// and would look lost.
/// </summary>
public sealed class Workload
{
    private readonly Random _random = new(20240630);
    private readonly (Unit Unit, Indicator Indicator)[] _pairs;
    private readonly Dictionary<(string, string), int> _counters = [];

    private Workload(IReadOnlyList<Indicator> indicators, IReadOnlyList<Unit> units, DateOnly asOf, IReadOnlyList<FigureItem> seed,
        IReadOnlyList<FigureItem> seedDossiers, int weeks)
    {
        SeedDossiers = seedDossiers;
        Weeks = weeks;
        Indicators = indicators;
        Units = units;
        AsOf = asOf;
        Seed = seed;
        _pairs = [.. units.SelectMany(u => indicators.Where(i => i.AppliesTo.Contains(u.Block)).Select(i => (u, i)))];
    }

    public IReadOnlyList<Indicator> Indicators { get; }
    public IReadOnlyList<Unit> Units { get; }
    public DateOnly AsOf { get; }
    /// <summary>The content figures of the seed (dossiers left out: the baselines take groups from the app's boards).</summary>
    public IReadOnlyList<FigureItem> Seed { get; }
    /// <summary>The dossier counts of the seed (denominator 0 here), for a baseline that places units in groups itself.</summary>
    public IReadOnlyList<FigureItem> SeedDossiers { get; }
    /// <summary>Weekly reports per unit in the seed: 4 is a month into the campaign, 52 its last week.</summary>
    public int Weeks { get; }
    public int PairCount => _pairs.Length;

    public static string BoardKey(string block, string? group) => block + "/" + (group ?? "");

    /// <summary>Reads the campaign and units, seeds <paramref name="weeks"/> weekly reports per unit, and maps each unit to its board.</summary>
    public static async Task<Workload> PrepareAsync(HttpClient http, bool seed, CancellationToken cancel, int weeks = 4)
    {
        using var campaign = JsonDocument.Parse(await http.GetStringAsync("api/v1/campaign", cancel));
        var indicators = campaign.RootElement.GetProperty("indicators").EnumerateArray().Select(i => new Indicator(
            i.GetProperty("code").GetString()!, i.GetProperty("maxPoints").GetDouble(), i.GetProperty("fullCreditAt").GetDouble(),
            [.. i.GetProperty("appliesTo").EnumerateArray().Select(a => a.GetString()!)])).ToList();
        using var boards0 = JsonDocument.Parse(await http.GetStringAsync("api/v1/leaderboards", cancel));
        var asOf = DateOnly.Parse(boards0.RootElement.GetProperty("asOf").GetString()!, CultureInfo.InvariantCulture);
        using var unitsJson = JsonDocument.Parse(await http.GetStringAsync("api/v1/units", cancel));
        var active = unitsJson.RootElement.EnumerateArray()
            .Where(u => IsActive(u, asOf))
            .Select(u => (Code: u.GetProperty("code").GetString()!, Block: u.GetProperty("block").GetString()!))
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();

        var random = new Random(74);
        var seedFigures = new List<FigureItem>();
        var seedDossiers = new List<FigureItem>();
        if (seed)
        {
            for (var week = weeks - 1; week >= 0; week--)
            {
                var date = asOf.AddDays(-7 * week);
                var batch = new List<object>();
                foreach (var (code, block) in active)
                {
                    // Dossier totals spread over every size group of every block (100 … 6,000).
                    var dossiers = 100 + StableHash(code) % 5900 + 10 * (weeks - 1 - week);
                    batch.Add(new { unit = code, asOf = date, indicator = "dossiers", numerator = (long)dossiers, denominator = (long?)null });
                    seedDossiers.Add(new FigureItem(code, "dossiers", dossiers, 0, date, ""));
                    foreach (var indicator in indicators.Where(i => i.AppliesTo.Contains(block)))
                    {
                        // Odd numerators: never equal to an update's (always even), so the first update changes the score.
                        var numerator = 2 * random.Next(150, 500) + 1;
                        batch.Add(new { unit = code, asOf = date, indicator = indicator.Code, numerator = (long)numerator, denominator = (long?)1000 });
                        seedFigures.Add(new FigureItem(code, indicator.Code, numerator, 1000, date, ""));
                    }
                }
                using var response = await http.PostAsJsonAsync("api/v1/figures", batch, cancel);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"Seeding failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancel)}");
            }
        }

        using var boards = JsonDocument.Parse(await http.GetStringAsync("api/v1/leaderboards", cancel));
        var units = new List<Unit>();
        foreach (var board in boards.RootElement.GetProperty("boards").EnumerateArray())
        {
            var key = BoardKey(board.GetProperty("block").GetString()!, board.GetProperty("group").GetString());
            foreach (var entry in board.GetProperty("entries").EnumerateArray())
                units.Add(new Unit(entry.GetProperty("unit").GetString()!, board.GetProperty("block").GetString()!, key));
        }
        units.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        var boardOf = units.ToDictionary(u => u.Code, u => u.BoardKey);
        var seedOnBoards = seedFigures.Where(f => boardOf.ContainsKey(f.Unit)).Select(f => f with { BoardKey = boardOf[f.Unit] }).ToList();
        return new Workload(indicators, units, asOf, seedOnBoards, seedDossiers, seed ? weeks : 0);
    }

    // string.GetHashCode is randomised per process; the data must be the same in every run.
    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text) hash = unchecked(hash * 31 + c);
        return hash & int.MaxValue;
    }

    private static bool IsActive(JsonElement unit, DateOnly asOf)
    {
        static DateOnly? Date(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? DateOnly.Parse(v.GetString()!, CultureInfo.InvariantCulture) : null;
        return (Date(unit, "activeFrom") is not { } from || from <= asOf) && (Date(unit, "activeTo") is not { } to || to >= asOf);
    }

    /// <summary>
    /// The next batch: distinct (unit, content) pairs, so no batch holds two values for one content
    /// and each of its figures changes a score. Called from several posters, hence the lock.
    /// </summary>
    public FigureItem[] NextBatch(int size)
    {
        lock (_counters)
        {
            size = Math.Min(size, _pairs.Length);
            var chosen = new HashSet<int>();
            var batch = new FigureItem[size];
            for (var n = 0; n < size; n++)
            {
                int index;
                var tries = 0;
                do index = _random.Next(_pairs.Length); while (!chosen.Add(index) && ++tries < 10_000);
                var (unit, indicator) = _pairs[index];
                var key = (unit.Code, indicator.Code);
                var count = _counters.GetValueOrDefault(key);
                _counters[key] = count + 1;
                // Rate = fullCreditAt × (0.10 + 0.08 k), k = 0…9: always below full credit, always even (×1000).
                var numerator = (long)Math.Round(indicator.FullCreditAt * 1000 * (0.10 + 0.08 * (count % 10)));
                if (numerator % 2 == 1) numerator++;
                batch[n] = new FigureItem(unit.Code, indicator.Code, numerator, 1000, AsOf, unit.BoardKey);
            }
            return batch;
        }
    }

    /// <summary>
    /// The next update of one unit (its first applicable content, same schedule as <see cref="NextBatch"/>):
    /// for a change watched on one board, the unit stays on its board because its dossier count is untouched.
    /// </summary>
    public FigureItem NextFor(Unit unit)
    {
        lock (_counters)
        {
            var indicator = Indicators.First(i => i.AppliesTo.Contains(unit.Block));
            var key = (unit.Code, indicator.Code);
            var count = _counters.GetValueOrDefault(key);
            _counters[key] = count + 1;
            var numerator = (long)Math.Round(indicator.FullCreditAt * 1000 * (0.10 + 0.08 * (count % 10)));
            if (numerator % 2 == 1) numerator++;
            return new FigureItem(unit.Code, indicator.Code, numerator, 1000, AsOf, unit.BoardKey);
        }
    }

    public static object[] Body(IEnumerable<FigureItem> figures) =>
        [.. figures.Select(f => new { unit = f.Unit, asOf = f.AsOf, indicator = f.Indicator, numerator = f.Numerator, denominator = (long?)f.Denominator })];
}
