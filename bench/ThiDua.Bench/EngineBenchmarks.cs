using BenchmarkDotNet.Attributes;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Ranking;

namespace ThiDua.Bench;

/// <summary>
/// The two operations that matter for the live leaderboard: a full rebuild of every board as of
/// a date other than the live one, and one incoming figure that changes a unit's score.
/// Not sealed: BenchmarkDotNet generates a class deriving from each benchmark class.
/// </summary>
public abstract class EngineBenchmarks
{
    private LeaderboardEngine _engine = null!;
    private DateOnly _historicDate;
    private Figure _low;
    private Figure _high;
    private Figure _nudgeLow;
    private Figure _nudgeHigh;
    private bool _flip;

    protected abstract int UnitCount { get; }

    [GlobalSetup]
    public void Setup()
    {
        var rules = SyntheticCity.ShippedRules();
        (_engine, var dates) = SyntheticCity.Engine(rules, UnitCount);
        // A date in October: not the live date, with a comparison date a week before it.
        _historicDate = dates[^10];

        // The moving unit sits mid-table on the largest board, so its move shifts real neighbours.
        var live = _engine.Current();
        var board = live.Boards.MaxBy(b => b.Entries.Length)!;
        var unit = board.Entries[board.Entries.Length / 2].Unit;
        // Content "a" earns full points from 50%: 20% and 40% are two clearly different scores.
        _low = new Figure(unit, "a", _engine.AsOf, 200, 1000);
        _high = new Figure(unit, "a", _engine.AsOf, 400, 1000);
        _engine.Apply(_high);
        // Content "b" earns full points from 80%: 70.0% and 71.0% move the unit only a few places,
        // like an ordinary weekly correction.
        _nudgeLow = new Figure(unit, "b", _engine.AsOf, 700, 1000);
        _nudgeHigh = new Figure(unit, "b", _engine.AsOf, 710, 1000);
    }

    [Benchmark(Description = "full recompute")]
    public Standings FullRecompute() => _engine.StandingsAsOf(_historicDate);

    [Benchmark(Description = "incremental (one figure, big jump)")]
    public ApplyResult Incremental()
    {
        // Alternate two values so every call really changes the unit's score and place.
        _flip = !_flip;
        return _engine.Apply(_flip ? _low : _high);
    }

    [Benchmark(Description = "incremental (small correction)")]
    public ApplyResult IncrementalNudge()
    {
        _flip = !_flip;
        return _engine.Apply(_flip ? _nudgeLow : _nudgeHigh);
    }
}

/// <summary>The real city: the shipped campaign with Cần Thơ's 111 units.</summary>
[MemoryDiagnoser]
public class CityBenchmarks : EngineBenchmarks
{
    protected override int UnitCount => SyntheticCity.CityUnitCount;
}

/// <summary>The same campaign at growing scale; 12,000 units is the national case (≈6 million figures).</summary>
[MemoryDiagnoser]
public class ScaleBenchmarks : EngineBenchmarks
{
    [Params(130, 1_200, 12_000)]
    public int Units { get; set; }

    protected override int UnitCount => Units;
}
