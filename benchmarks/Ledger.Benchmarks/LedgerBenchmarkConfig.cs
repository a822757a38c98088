using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Ledger.Benchmarks;

/// <summary>The BenchmarkDotNet configuration shared by every benchmark class.</summary>
internal static class LedgerBenchmarkConfig
{
    /// <summary>Processor mask for CPU 0: every measurement runs on one core.</summary>
    private const int SingleCoreAffinity = 0b1;

    public static IConfig Create(BenchmarkOptions options)
    {
        // The quick job is ShortRun (3 warm-ups, 3 iterations) with 150 ms iterations instead of
        // 500 ms, so a smoke run of every benchmark stays under two minutes on a loaded machine.
        var job = (options.Quick ? Job.ShortRun.WithIterationTime(TimeInterval.FromMilliseconds(150)) : Job.Default)
            .WithId(options.Quick ? "Quick" : "Full")
            .WithAffinity(SingleCoreAffinity);
        // In-process by default: the default toolchain generates and builds a project per run,
        // which costs minutes on this 2-core machine; see README "Figures".
        if (!options.OutOfProcess)
            job = job.WithToolchain(InProcessEmitToolchain.Instance);

        return DefaultConfig.Instance
            .AddJob(job)
            .AddColumn(StatisticColumn.OperationsPerSecond)
            // Nothing here needs Administrator/root: no hardware counters, no ETW or perf-based
            // diagnosers. BenchmarkDotNet only warns when it may not raise the thread priority.
            .WithOptions(ConfigOptions.StopOnFirstError);
    }
}
