using Microsoft.Extensions.Configuration;
using ThiDua.Dashboard.Demo;
using ThiDua.Demo;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Tests.Demo;

public sealed class DemoCampaignTests
{
    private static readonly DateOnly _end = new(2024, 12, 14);
    private static readonly CampaignRules _rules = LoadRules();
    private static readonly Campaign _campaign = new(_rules);
    private static readonly IReadOnlyList<UnitInfo> _units = UnitSeed.Load(UnitSeed.CanTho2024).Units;
    private static readonly Lazy<DemoYear> _year = new(() => DemoCampaign.Generate(_campaign, _units, _end));

    private static DemoYear Year => _year.Value;

    /// <summary>The campaign of the app's appsettings.json, for tests that need one without a host.</summary>
    internal static CampaignRules LoadRules() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .Build()
            .GetSection("ThiDua:Campaign").Get<CampaignRules>()
        ?? throw new InvalidOperationException("ThiDua:Campaign is missing from appsettings.json");

    private UnitInfo Unit(string code) => _units.Single(u => u.Code == code);

    [Fact]
    public void Generate_SameSeedAnyUnitOrder_SameCampaign()
    {
        var again = DemoCampaign.Generate(_campaign, _units.Reverse().ToList(), _end);

        Assert.Equal(Year.Figures, again.Figures);
        Assert.Equal(Year.Batches.Select(b => b.Month), again.Batches.Select(b => b.Month));
        Assert.Equal(Year.Registrations, again.Registrations);
        Assert.Equal(Year.SilentUnits, again.SilentUnits);
        Assert.Equal(Year.Crossing, again.Crossing);
        Assert.Equal(Year.NearTies, again.NearTies);
    }

    [Fact]
    public void Generate_OtherSeed_OtherFigures()
    {
        var other = DemoCampaign.Generate(_campaign, _units, _end, DemoCampaign.DefaultSeed + 7);

        Assert.NotEqual(Year.Figures, other.Figures);
    }

    [Fact]
    public void Generate_EveryFigure_PassesTheFigureValidator()
    {
        var byCode = _units.ToDictionary(u => u.Code);

        var errors = FigureValidator.Validate(_campaign, code => byCode.GetValueOrDefault(code), [.. Year.Figures], _end);

        Assert.Empty(errors);
        Assert.True(Year.FigureCount > 40_000, $"only {Year.FigureCount} figures");
    }

    [Fact]
    public void Generate_EveryUnitAndContent_IsCumulative()
    {
        foreach (var series in Year.Figures.GroupBy(f => (f.Unit, f.Indicator)))
        {
            var ordered = series.OrderBy(f => f.AsOf).ToList();
            Assert.Equal(ordered.Count, ordered.Select(f => f.AsOf).Distinct().Count());
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i].Numerator >= ordered[i - 1].Numerator, $"{series.Key} goes down on {ordered[i].AsOf}");
                Assert.True((ordered[i].Denominator ?? 0) >= (ordered[i - 1].Denominator ?? 0), $"{series.Key} denominator goes down on {ordered[i].AsOf}");
            }
        }
    }

    [Fact]
    public void Generate_WeeklyFromThePeriodStart_ToTheAsOfDate_InMonthlyBatches()
    {
        var dates = Year.Figures.Where(f => f.Unit == "p-an-hoa").Select(f => f.AsOf).Distinct().Order().ToList();

        Assert.Equal(new DateOnly(2023, 12, 22), dates[0]);
        Assert.Equal(_end, dates[^1]);
        Assert.All(dates.Zip(dates.Skip(1)), pair => Assert.InRange(pair.Second.DayNumber - pair.First.DayNumber, 1, 7));
        Assert.Equal(13, Year.Batches.Count);
        Assert.All(Year.Batches, batch => Assert.All(batch.Figures, f => Assert.Equal((batch.Month.Year, batch.Month.Month), (f.AsOf.Year, f.AsOf.Month))));
        Assert.Equal(Year.Figures.Select(f => f.AsOf).Order(), Year.Figures.Select(f => f.AsOf));
    }

    [Fact]
    public void Generate_ReportingUnits_ReportEveryApplicableContentAndDossiers()
    {
        var reported = Year.Figures.GroupBy(f => f.Unit).ToDictionary(g => g.Key, g => g.Select(f => f.Indicator).ToHashSet());

        foreach (var unit in _units.Where(u => !Year.SilentUnits.Contains(u.Code)))
        {
            var expected = _rules.Indicators.Where(i => _campaign.AppliesTo(i.Code, unit.Block)).Select(i => i.Code).Append(Figure.Dossiers);
            Assert.True(reported.ContainsKey(unit.Code), $"{unit.Code} never reports");
            Assert.Equal(expected.Order(), reported[unit.Code].Order());
        }
        // Content e is the plan's for every participant, so wards, communes and districts report it too.
        Assert.All(_units.Where(u => !Year.SilentUnits.Contains(u.Code) && u.Block != "so-nganh"), u => Assert.Contains("e", reported[u.Code]));
    }

    [Fact]
    public void Generate_SilentUnits_NeverReportNorRegister()
    {
        Assert.Equal(3, Year.SilentUnits.Count);
        Assert.All(Year.SilentUnits, code =>
        {
            Assert.DoesNotContain(Year.Figures, f => f.Unit == code);
            Assert.Null(Year.Registrations.Single(r => r.Unit == code).RegisteredOn);
        });
        var standings = Standings.Compute(_rules, _units, Year.Figures, _end);
        Assert.All(Year.SilentUnits, code => Assert.True(standings.Find(code)!.Value.Board.Key.IsNotGrouped));
    }

    [Fact]
    public void Generate_MergedWards_StopReportingAfterTheMerger()
    {
        foreach (var code in new[] { "p-an-cu", "p-an-nghiep", "p-an-phu" })
        {
            var last = Year.Figures.Where(f => f.Unit == code).Max(f => f.AsOf);
            Assert.Equal(new DateOnly(2024, 10, 31), last);
        }
    }

    [Fact]
    public void Generate_AtTheEnd_UnitsSpreadOverEverySizeGroup()
    {
        var standings = Standings.Compute(_rules, _units, Year.Figures, _end);

        foreach (var group in _rules.Groups)
        {
            var board = standings.Board(new BoardKey(group.Block, group.Code));
            Assert.NotNull(board);
            Assert.True(board.Entries.Length >= (group.Block == "quan-huyen" ? 9 : 5), $"{group.Block}/{group.Code}: {board.Entries.Length} units");
        }
    }

    [Fact]
    public void Generate_CrossingWard_ChangesGroupInJuly()
    {
        var crossing = Year.Crossing!;
        Assert.Equal("phuong", Unit(crossing.Unit).Block);
        Assert.Equal(3500, crossing.Bound);
        Assert.Equal(new DateOnly(2024, 6, 30), crossing.Before);
        Assert.Equal(new DateOnly(2024, 7, 31), crossing.After);

        var before = Standings.Compute(_rules, _units, Year.Figures, crossing.Before).Find(crossing.Unit)!.Value;
        var after = Standings.Compute(_rules, _units, Year.Figures, crossing.After).Find(crossing.Unit)!.Value;

        Assert.Equal("tu-1500-duoi-3500", before.Board.Key.Group);
        Assert.InRange(before.Entry.Dossiers!.Value, 3_000, 3_499);
        Assert.Equal("tu-3500", after.Board.Key.Group);
        Assert.InRange(after.Entry.Dossiers!.Value, 3_500, 4_200);
    }

    [Fact]
    public void Generate_AtTheEnd_HasNearTiesWithinOneHundredth()
    {
        var standings = Standings.Compute(_rules, _units, Year.Figures, _end);

        Assert.Equal(2, Year.NearTies.Count);
        Assert.Equal(2, Year.NearTies.Select(t => t.Board.Block).Distinct().Count());
        foreach (var tie in Year.NearTies)
        {
            var higher = standings.Find(tie.Higher)!.Value;
            var lower = standings.Find(tie.Lower)!.Value;
            Assert.Equal(tie.Board, higher.Board.Key);
            Assert.Equal(tie.Board, lower.Board.Key);
            Assert.InRange(higher.Entry.Score - lower.Entry.Score, -0.01m, 0.01m);
            // Side by side, in either order: raising the lower one may just pass the other.
            Assert.InRange(Math.Abs(lower.Entry.Rank - higher.Entry.Rank), 0, 1);
        }
    }

    [Fact]
    public void Generate_Registrations_MostlyInTheFortnightBeforeTheDeadline_AFewLateOrNever()
    {
        var dates = Year.Registrations.Select(r => r.RegisteredOn).ToList();
        var onTime = dates.Count(d => d >= new DateOnly(2024, 4, 1) && d <= new DateOnly(2024, 4, 14));
        var late = dates.Count(d => d > new DateOnly(2024, 4, 15));
        var never = dates.Count(d => d is null);

        Assert.Equal(_units.Count, dates.Count);
        Assert.Equal(_units.Count, onTime + late + never);
        Assert.InRange(late, 2, 8);
        Assert.InRange(never, Year.SilentUnits.Count + 1, 8);
        Assert.True(onTime >= _units.Count * 85 / 100, $"only {onTime} on time");
    }

    [Fact]
    public void Generate_FinalRates_ArePlausibleForEachBlock()
    {
        var finals = Year.Figures.GroupBy(f => (f.Unit, f.Indicator)).Select(g => g.MaxBy(f => f.AsOf)).ToList();
        (decimal Min, decimal Max) RangeOf(string block) => block switch
        {
            "so-nganh" => (0.70m, 0.98m),
            "quan-huyen" => (0.60m, 0.95m),
            _ => (0.40m, 0.95m),
        };

        foreach (var figure in finals.Where(f => !f.IsDossiers && f.Indicator is not ("h" or "i")))
        {
            var (min, max) = RangeOf(Unit(figure.Unit).Block);
            // A small count (procedures to publish) rounds to whole items.
            var slack = 0.01m + 1m / figure.Denominator!.Value;
            Assert.True((decimal)figure.Numerator / figure.Denominator!.Value >= min - slack && (decimal)figure.Numerator / figure.Denominator!.Value <= max + slack,
                $"{figure.Unit} {figure.Indicator} {figure.Numerator}/{figure.Denominator}");
        }
        Assert.All(finals.Where(f => f.Indicator == "i"), f => Assert.InRange((decimal)f.Numerator / f.Denominator!.Value, 0.94m, 1m));
        var petitions = finals.Where(f => f.Indicator == "h").ToList();
        Assert.Contains(petitions, f => f.Denominator == 0);
        Assert.Contains(petitions, f => f.Denominator > 0);
        Assert.All(petitions, f => Assert.InRange(f.Denominator!.Value, 0, 200));
    }

    [Fact]
    public void Generate_MidYear_StopsAtTheAsOfDate()
    {
        var asOf = new DateOnly(2024, 5, 20);
        var byCode = _units.ToDictionary(u => u.Code);

        var year = DemoCampaign.Generate(_campaign, _units, asOf);

        Assert.Equal(asOf, year.Figures.Max(f => f.AsOf));
        Assert.Empty(FigureValidator.Validate(_campaign, code => byCode.GetValueOrDefault(code), [.. year.Figures], asOf));
        // The path up to a date does not depend on how far the simulation runs.
        Assert.Equal(
            Year.Figures.Where(f => f.AsOf < new DateOnly(2024, 5, 17) && !Year.ArrangedUnits.Contains(f.Unit)),
            year.Figures.Where(f => f.AsOf < new DateOnly(2024, 5, 17) && !Year.ArrangedUnits.Contains(f.Unit)));
    }
}
