using System.Diagnostics;
using ThiDua.Scoring.Figures;

namespace ThiDua.Bench;

/// <summary>
/// A quick stopwatch pass (<c>--smoke [units]</c>) for profiling sessions and sanity checks;
/// the numbers that count come from BenchmarkDotNet.
/// </summary>
internal static class Smoke
{
    public static void Run(int unitCount)
    {
        var watch = Stopwatch.StartNew();
        var (engine, dates) = SyntheticCity.Engine(SyntheticCity.ShippedRules(), unitCount);
        Console.WriteLine($"setup {unitCount} units: {watch.Elapsed.TotalSeconds:F1} s, heap {GC.GetTotalMemory(true) / 1_048_576} MiB");

        // The first past date after loading builds every unit's timeline once.
        watch.Restart();
        engine.StandingsAsOf(dates[^10]);
        Console.WriteLine($"first full recompute (builds the timelines): {watch.Elapsed.TotalMilliseconds:F0} ms");

        // Warm up long enough for tiered compilation to reach its optimised code.
        var recomputes = Math.Max(20, 1_000_000 / unitCount);
        for (var i = 0; i < recomputes; i++) engine.StandingsAsOf(dates[^10]);
        for (var round = 0; round < 3; round++)
        {
            var gen2 = GC.CollectionCount(2);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            for (var i = 0; i < recomputes; i++) engine.StandingsAsOf(dates[^10]);
            Console.WriteLine($"full recompute: {watch.Elapsed.TotalMilliseconds / recomputes:F3} ms, " +
                $"{(GC.GetAllocatedBytesForCurrentThread() - allocated) / recomputes} B/op, gen2 GCs {GC.CollectionCount(2) - gen2} in {recomputes}");
        }

        var board = engine.Current().Boards.MaxBy(b => b.Entries.Length)!;
        var unit = board.Entries[board.Entries.Length / 2].Unit;
        Figure[] figures = [new(unit, "a", engine.AsOf, 200, 1000), new(unit, "a", engine.AsOf, 400, 1000)];
        for (var round = 0; round < 3; round++)
        {
            const int applies = 20_000;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            for (var i = 0; i < applies; i++) engine.Apply(figures[i & 1]);
            Console.WriteLine($"incremental: {watch.Elapsed.TotalMicroseconds / applies:F2} µs, " +
                $"{(GC.GetAllocatedBytesForCurrentThread() - allocated) / applies} B/op (board of {board.Entries.Length})");
        }

        // Past boards come from cached per-unit timelines: after a correction to a past week they
        // must still equal the live boards of an engine moved to that date (direct evaluation).
        var past = dates[^10];
        engine.Apply(new Figure(unit, "b", dates[^11], 1, 1000));
        var fromTimelines = engine.StandingsAsOf(past);
        engine.MoveTo(past);
        var direct = engine.Current();
        var same = fromTimelines.Boards.Count == direct.Boards.Count
            && fromTimelines.Boards.Zip(direct.Boards).All(p => p.First.SameEntries(p.Second));
        Console.WriteLine($"past boards equal a direct recompute: {same}");
        if (!same) Environment.ExitCode = 1;
    }
}
