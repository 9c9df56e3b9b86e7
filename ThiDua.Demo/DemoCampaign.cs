using ThiDua.Scoring;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Units;

namespace ThiDua.Demo;

/// <summary>
/// A realistic simulated campaign: weekly cumulative figures for every active unit from the period
/// start to an as-of date. Pure and deterministic: the same campaign, units, date and seed always
/// give the same figures, whatever order the units come in.
/// </summary>
public static class DemoCampaign
{
    /// <summary>The fixed seed of the demo (the plan's number and year).</summary>
    public const int DefaultSeed = 742024;

    private const int SilentCount = 3;
    private const int LateCount = 4;
    private const int NeverCount = 2;
    private const int NearTieCount = 2;

    // The crossing unit has this share of the bound at the end of the month before it crosses.
    private const double CrossingShareBefore = 0.943;

    public static DemoYear Generate(Campaign campaign, IEnumerable<UnitInfo> units, DateOnly asOf, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(units);
        if (!campaign.IsInPeriod(asOf))
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, "The as-of date must lie inside the campaign period.");

        var rules = campaign.Rules;
        var all = units.OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var master = new Random(seed);
        var days = rules.PeriodEnd.DayNumber - rules.PeriodStart.DayNumber + 1;

        var mergeTargets = all.Where(u => u.MergedInto is not null).Select(u => u.MergedInto!).ToHashSet(StringComparer.Ordinal);
        // Units present all year, untouched by mergers: the ones the special situations are built on.
        bool IsPlain(UnitInfo u) => u.ActiveFrom is null && u.ActiveTo is null && u.MergedInto is null && !mergeTargets.Contains(u.Code);

        var silent = PickSilent(all, master, u => IsPlain(u) && !KnownSizes.IsLarge(u.Code));
        var crossing = PickCrossing(campaign, all, master, u => IsPlain(u) && !silent.Contains(u.Code), rules.PeriodStart, days);
        var groupOf = AssignGroups(campaign, all, master, crossing?.Unit);

        var plans = new Dictionary<string, UnitPlan>(StringComparer.Ordinal);
        foreach (var unit in all)
            plans[unit.Code] = new UnitPlan(unit, new Random(seed ^ StableHash(unit.Code)));

        foreach (var plan in plans.Values)
            plan.Volume = BaseVolume(plan, rules, days, groupOf.GetValueOrDefault(plan.Info.Code), crossing);
        AddMergedVolumes(plans, rules, days);

        var figures = new Dictionary<string, List<Figure>>(StringComparer.Ordinal);
        foreach (var plan in plans.Values)
            figures[plan.Info.Code] = silent.Contains(plan.Info.Code) ? [] : Series(campaign, plan, asOf, days);

        var arranged = new HashSet<string>(silent, StringComparer.Ordinal);
        if (crossing is not null) arranged.Add(crossing.Unit);
        var nearTies = ArrangeNearTies(campaign, all, figures, asOf, arranged);
        foreach (var tie in nearTies)
        {
            arranged.Add(tie.Higher);
            arranged.Add(tie.Lower);
        }

        var registrations = Registrations(rules, all, master, silent, arranged);
        return new DemoYear(asOf, Batches(campaign, all, figures), registrations,
            [.. silent.Order(StringComparer.Ordinal)], crossing, nearTies);
    }

    /// <summary>One silent unit per block, largest blocks first: they never report anything.</summary>
    private static HashSet<string> PickSilent(List<UnitInfo> all, Random master, Func<UnitInfo, bool> isPlain)
    {
        var blocks = all.GroupBy(u => u.Block)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Where(isPlain).ToList())
            .Where(g => g.Count > 0)
            .ToList();
        var silent = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; blocks.Count > 0 && silent.Count < SilentCount && i < SilentCount * blocks.Count; i++)
        {
            var candidates = blocks[i % blocks.Count].Where(u => !silent.Contains(u.Code)).ToList();
            if (candidates.Count > 0) silent.Add(candidates[master.Next(candidates.Count)].Code);
        }
        return silent;
    }

    /// <summary>
    /// A unit of the largest block with a lower group bound that crosses the highest such bound
    /// around the middle of the period (for Cần Thơ 2024: a ward passing 3,500 dossiers in July).
    /// </summary>
    private static DemoCrossing? PickCrossing(Campaign campaign, List<UnitInfo> all, Random master, Func<UnitInfo, bool> eligible,
        DateOnly start, int days)
    {
        var block = campaign.Rules.Blocks
            .Where(b => campaign.Rules.Groups.Any(g => g.Block == b.Code && g.MinDossiers is not null))
            .OrderByDescending(b => all.Count(u => u.Block == b.Code)).ThenBy(b => b.Code, StringComparer.Ordinal)
            .FirstOrDefault();
        if (block is null) return null;
        var candidates = all.Where(u => u.Block == block.Code && eligible(u)).ToList();
        if (candidates.Count == 0) return null;

        var bound = campaign.Rules.Groups.Where(g => g.Block == block.Code && g.MinDossiers is not null).Max(g => g.MinDossiers!.Value);
        var middle = start.AddDays(days * 55 / 100);
        var after = new DateOnly(middle.Year, middle.Month, 1).AddMonths(1).AddDays(-1);
        var before = new DateOnly(middle.Year, middle.Month, 1).AddDays(-1);
        return new DemoCrossing(candidates[master.Next(candidates.Count)].Code, bound, before, after);
    }

    /// <summary>
    /// Spreads each block's units evenly over its size groups, known large units in the larger
    /// groups, the rest at random (the crossing unit is placed by its own path).
    /// </summary>
    private static Dictionary<string, GroupRules> AssignGroups(Campaign campaign, List<UnitInfo> all, Random master, string? crossing)
    {
        var result = new Dictionary<string, GroupRules>(StringComparer.Ordinal);
        foreach (var block in campaign.Rules.Blocks)
        {
            var groups = campaign.Rules.Groups.Where(g => g.Block == block.Code)
                .OrderByDescending(g => g.MinDossiers ?? -1).ThenByDescending(g => g.MaxDossiers ?? long.MaxValue)
                .ToList();
            if (groups.Count == 0) continue;
            var shuffled = all.Where(u => u.Block == block.Code && u.Code != crossing).ToArray();
            master.Shuffle(shuffled);
            // Stable: the shuffle still decides the order within the large and the other units.
            var members = shuffled.OrderByDescending(u => KnownSizes.IsLarge(u.Code)).ToArray();
            for (var i = 0; i < members.Length; i++) result[members[i].Code] = groups[i * groups.Count / members.Length];
        }
        return result;
    }

    /// <summary>The unit's cumulative dossiers resolved, day by day over the whole period.</summary>
    private static double[] BaseVolume(UnitPlan plan, CampaignRules rules, int days, GroupRules? group, DemoCrossing? crossing)
    {
        var rng = plan.Rng;
        var target = TargetIn(group, rng);
        plan.Quality = rng.NextDouble();

        var weeks = (days + 6) / 7;
        var noise = new double[weeks];
        for (var w = 0; w < weeks; w++) noise[w] = 0.8 + 0.4 * rng.NextDouble();

        var cumulative = new double[days];
        var sum = 0.0;
        for (var i = 0; i < days; i++)
        {
            sum += Season.Weight(rules.PeriodStart.AddDays(i), rules.PeriodEnd) * noise[i / 7];
            cumulative[i] = sum;
        }

        if (crossing is not null && crossing.Unit == plan.Info.Code)
        {
            var share = cumulative[Index(rules, crossing.Before)] / sum;
            target = CrossingShareBefore * crossing.Bound / share;
        }

        var volume = new double[days];
        for (var i = 0; i < days; i++) volume[i] = target * cumulative[i] / sum;

        // A unit founded during the period counts from its first day.
        if (plan.Info.ActiveFrom is { } from && from > rules.PeriodStart && from <= rules.PeriodEnd)
        {
            var before = volume[Index(rules, from) - 1];
            for (var i = 0; i < days; i++) volume[i] = Math.Max(0, volume[i] - before);
        }
        return volume;
    }

    /// <summary>A year-end dossier count inside the group's bounds, clear of the edges.</summary>
    private static double TargetIn(GroupRules? group, Random rng)
    {
        double Between(double low, double high) => low + (high - low) * rng.NextDouble();
        double LogBetween(double low, double high) => Math.Exp(Between(Math.Log(low), Math.Log(high)));
        return (group?.MinDossiers, group?.MaxDossiers) switch
        {
            ({ } min, { } max) => Between(min + 0.04 * (max - min), max - 0.04 * (max - min)),
            ({ } min, null) => min * LogBetween(1.05, 2.6),
            (null, { } max) => max * Between(0.3, 0.95),
            // One group for the whole block (districts): they resolve tens of thousands.
            _ => LogBetween(8_000, 35_000),
        };
    }

    /// <summary>After a merger the receiving unit also resolves what the merged ones would have.</summary>
    private static void AddMergedVolumes(Dictionary<string, UnitPlan> plans, CampaignRules rules, int days)
    {
        var additions = new List<(string Into, double[] Extra)>();
        foreach (var plan in plans.Values.OrderBy(p => p.Info.Code, StringComparer.Ordinal))
        {
            if (plan.Info is not { MergedInto: { } into, ActiveTo: { } to } || !plans.ContainsKey(into)) continue;
            if (to < rules.PeriodStart || to >= rules.PeriodEnd) continue;
            var last = Index(rules, to);
            var extra = new double[days];
            for (var i = last + 1; i < days; i++) extra[i] = plan.Volume[i] - plan.Volume[last];
            additions.Add((into, extra));
        }
        foreach (var (into, extra) in additions)
        {
            var volume = plans[into].Volume;
            for (var i = 0; i < days; i++) volume[i] += extra[i];
        }
    }

    /// <summary>Every figure of one unit: each applicable content and the dossier count, at each report date.</summary>
    private static List<Figure> Series(Campaign campaign, UnitPlan plan, DateOnly asOf, int days)
    {
        var rules = campaign.Rules;
        var unit = plan.Info;
        var rng = plan.Rng;
        var dates = ReportDates(rules, unit, asOf);
        var range = RateRange.For(unit.Block);
        var quality = range.Min + 0.05 + (range.Max - range.Min - 0.08) * plan.Quality;
        var final = plan.Volume[days - 1];

        var contents = new List<ContentPath>();
        foreach (var indicator in rules.Indicators)
        {
            if (!campaign.AppliesTo(indicator.Code, unit.Block)) continue;
            var profile = ContentProfile.For(indicator.Code);
            var amount = profile.DenominatorMin + (profile.DenominatorMax - profile.DenominatorMin) * rng.NextDouble();
            var factor = profile.IsCount ? (final > 0 ? amount / final : 0) : amount;
            if (rng.NextDouble() < profile.NothingAroseChance) factor = 0;

            double end, startRate;
            if (profile.FixedRate is { } fixedRate)
            {
                end = rng.NextDouble() < profile.PerfectChance
                    ? 1.0
                    : fixedRate.Min + (fixedRate.Max - fixedRate.Min) * rng.NextDouble();
                startRate = Math.Max(fixedRate.Min - 0.02, end - 0.03 * rng.NextDouble());
            }
            else
            {
                end = Math.Clamp(quality + profile.RateOffset + 0.12 * (rng.NextDouble() - 0.5), range.Min, range.Max);
                // Mostly improving through the year, now and then slipping.
                startRate = Math.Clamp(end - (0.22 * rng.NextDouble() - 0.04), 0.15, 1.0);
            }
            contents.Add(new ContentPath(indicator.Code, factor, startRate, end));
        }

        var figures = new List<Figure>(dates.Count * (contents.Count + 1));
        var previous = new long[contents.Count];
        foreach (var date in dates)
        {
            var day = Index(rules, date);
            var progress = (double)day / (days - 1);
            var volume = plan.Volume[day];
            for (var c = 0; c < contents.Count; c++)
            {
                var content = contents[c];
                var denominator = Round(content.Factor * volume);
                var rate = content.StartRate + (content.EndRate - content.StartRate) * progress + 0.01 * (rng.NextDouble() - 0.5);
                var numerator = Math.Clamp(Round(Math.Clamp(rate, 0, 1) * denominator), previous[c], denominator);
                previous[c] = numerator;
                figures.Add(new Figure(unit.Code, content.Code, date, numerator, denominator));
            }
            figures.Add(new Figure(unit.Code, Figure.Dossiers, date, Round(volume), null));
        }
        return figures;
    }

    /// <summary>Every seventh day from the period start while the unit is active, its last active day, and the as-of date.</summary>
    private static List<DateOnly> ReportDates(CampaignRules rules, UnitInfo unit, DateOnly asOf)
    {
        var dates = new SortedSet<DateOnly>();
        for (var date = rules.PeriodStart.AddDays(7); date <= asOf; date = date.AddDays(7))
            if (unit.IsActiveOn(date)) dates.Add(date);
        if (unit.IsActiveOn(asOf)) dates.Add(asOf);
        if (unit.ActiveTo is { } to && to >= rules.PeriodStart && to <= asOf && unit.IsActiveOn(to)) dates.Add(to);
        return [.. dates];
    }

    /// <summary>
    /// Near the top of some boards, brings the closest pair of neighbours within 0.01 points of
    /// each other by raising the lower unit's last figures a little (never above what it takes for
    /// full credit, so each step is worth a known fraction of a point).
    /// </summary>
    private static List<DemoNearTie> ArrangeNearTies(Campaign campaign, List<UnitInfo> all,
        Dictionary<string, List<Figure>> figures, DateOnly asOf, HashSet<string> excluded)
    {
        var engine = new LeaderboardEngine(campaign, all, asOf);
        engine.Load(all.SelectMany(u => figures[u.Code]), 0);
        var standings = engine.Current();

        var candidates = new List<(BoardKey Board, string Higher, string Lower, decimal Gap, int Order)>();
        var order = 0;
        foreach (var board in standings.Boards)
        {
            if (board.Key.IsNotGrouped) continue;
            var entries = board.Entries;
            for (var i = 0; i + 1 < entries.Length && i < 3; i++)
            {
                var (higher, lower) = (entries[i], entries[i + 1]);
                if (excluded.Contains(higher.Unit) || excluded.Contains(lower.Unit) || higher.Dossiers is null || lower.Dossiers is null) continue;
                candidates.Add((board.Key, higher.Unit, lower.Unit, higher.Score - lower.Score, order++));
            }
        }

        var ties = new List<DemoNearTie>();
        var blocks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates.OrderBy(c => c.Gap).ThenBy(c => c.Order))
        {
            if (ties.Count == NearTieCount) break;
            if (blocks.Contains(candidate.Board.Block)) continue;
            if (!TryClose(campaign, all, figures, asOf, candidate.Higher, candidate.Lower)) continue;
            ties.Add(new DemoNearTie(candidate.Board, candidate.Higher, candidate.Lower));
            blocks.Add(candidate.Board.Block);
        }
        return ties;
    }

    private static bool TryClose(Campaign campaign, List<UnitInfo> all, Dictionary<string, List<Figure>> figures,
        DateOnly asOf, string higher, string lower)
    {
        var pair = all.Where(u => u.Code == higher || u.Code == lower).ToList();
        (UnitScore High, UnitScore Low) Scores()
        {
            var engine = new LeaderboardEngine(campaign, pair, asOf);
            engine.Load(figures[higher].Concat(figures[lower]), 0);
            return (engine.Score(higher, asOf)!, engine.Score(lower, asOf)!);
        }
        static bool Near(UnitScore a, UnitScore b) => Math.Abs(a.ShownScore - b.ShownScore) <= 0.01m;

        var (high, low) = Scores();
        if (Near(high, low)) return true;
        if (low.Available == 0) return false;

        var list = figures[lower];
        var original = list.ToArray();
        var gap = high.Score - low.Score;
        var adjustable = low.Contents
            .Where(c => c is { State: ContentState.Rate, AsOf: { } date, Denominator: > 0 } && date == asOf)
            .Select(c => (Score: c, Rules: campaign.Indicator(c.Indicator)!))
            .Where(c => c.Score.Rate < c.Rules.FullCreditAt)
            .OrderByDescending(c => c.Score.Denominator).ThenBy(c => c.Score.Indicator, StringComparer.Ordinal);
        foreach (var (content, indicator) in adjustable)
        {
            var denominator = content.Denominator!.Value;
            var numerator = content.Numerator!.Value;
            var step = 100m * indicator.MaxPoints / (indicator.FullCreditAt * denominator * low.Available);
            var room = (long)Math.Floor(indicator.FullCreditAt * denominator) - numerator;
            var need = (long)Math.Round(gap / step, MidpointRounding.AwayFromZero);
            var take = Math.Min(need, room);
            if (take <= 0) continue;
            var index = list.FindIndex(f => f.Indicator == content.Indicator && f.AsOf == asOf);
            list[index] = list[index] with { Numerator = numerator + take };
            gap -= take * step;
            if (take == need) break;
        }

        (high, low) = Scores();
        if (Near(high, low)) return true;
        list.Clear();
        list.AddRange(original);
        return false;
    }

    /// <summary>Most units register in the two weeks before the deadline; a few late, a few never (and silent units never).</summary>
    private static List<PlannedRegistration> Registrations(CampaignRules rules, List<UnitInfo> all, Random master,
        HashSet<string> silent, HashSet<string> arranged)
    {
        var others = all.Where(u => !arranged.Contains(u.Code)).Select(u => u.Code).ToArray();
        master.Shuffle(others);
        var late = others.Take(LateCount).ToHashSet(StringComparer.Ordinal);
        var never = others.Skip(LateCount).Take(NeverCount).ToHashSet(StringComparer.Ordinal);

        var deadline = rules.RegistrationDeadline;
        var result = new List<PlannedRegistration>(all.Count);
        foreach (var unit in all)
        {
            DateOnly? date = silent.Contains(unit.Code) || never.Contains(unit.Code) ? null
                : late.Contains(unit.Code) ? deadline.AddDays(master.Next(1, 26))
                : deadline.AddDays(-master.Next(1, 15));
            result.Add(new PlannedRegistration(unit.Code, date));
        }
        return result;
    }

    /// <summary>One batch per calendar month of as-of dates, in date order.</summary>
    private static List<DemoBatch> Batches(Campaign campaign, List<UnitInfo> all, Dictionary<string, List<Figure>> figures)
    {
        var indicatorOrder = campaign.Rules.Indicators.Select((x, i) => (x.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        int OrderOf(string indicator) => indicatorOrder.TryGetValue(indicator, out var i) ? i : int.MaxValue;

        return all.SelectMany(u => figures[u.Code])
            .OrderBy(f => f.AsOf).ThenBy(f => f.Unit, StringComparer.Ordinal).ThenBy(f => OrderOf(f.Indicator))
            .GroupBy(f => new DateOnly(f.AsOf.Year, f.AsOf.Month, 1))
            .Select(g => new DemoBatch(g.Key, g.ToList()))
            .ToList();
    }

    private static int Index(CampaignRules rules, DateOnly date) => date.DayNumber - rules.PeriodStart.DayNumber;

    private static long Round(double value) => (long)Math.Round(value, MidpointRounding.AwayFromZero);

    /// <summary>FNV-1a: string.GetHashCode differs from one process to the next.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var ch in text)
        {
            hash ^= ch;
            hash *= 16777619u;
        }
        return (int)hash;
    }

    private sealed class UnitPlan(UnitInfo info, Random rng)
    {
        public UnitInfo Info { get; } = info;
        public Random Rng { get; } = rng;
        public double Quality { get; set; }
        public double[] Volume { get; set; } = [];
    }

    private sealed record ContentPath(string Code, double Factor, double StartRate, double EndRate);
}
