using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace ThiDua.Bench;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--smoke", ..])
        {
            Smoke.Run(args.Length > 1 ? int.Parse(args[1]) : 12_000);
            return;
        }
        // Few iterations keep the whole run to a few minutes on a 2-core machine; the median is
        // reported because a shared machine produces occasional slow outliers.
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).AsDefault())
            .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
            .WithOptions(ConfigOptions.JoinSummary);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
