using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Ledger.MicroBenchmarks;

/// <summary>The BenchmarkDotNet configuration shared by every benchmark class.</summary>
internal static class LedgerBenchmarkConfig
{
    /// <summary>Processor mask for CPU 0: every measurement runs on one core.</summary>
    private const int SingleCoreAffinity = 0b1;

    /// <summary>
    /// ShortRun (3 warm-ups, 3 iterations) with 150 ms iterations instead of 500 ms, so a smoke
    /// run of every benchmark stays under two minutes on a loaded machine.
    /// </summary>
    private static Job QuickJob => Job.ShortRun.WithIterationTime(TimeInterval.FromMilliseconds(150));

    /// <summary>
    /// The default job (automatic warm-up and iteration count, 500 ms iterations) with at most
    /// 40 iterations instead of 100: on a busy machine the noise never satisfies the default
    /// stopping rule, and 100 iterations per benchmark made a full run take about 20 minutes.
    /// </summary>
    private static Job FullJob => Job.Default.WithMaxIterationCount(40);

    public static IConfig Create(BenchmarkOptions options)
    {
        var job = (options.Quick ? QuickJob : FullJob)
            .WithId(options.Quick ? "Quick" : "Full")
            .WithAffinity(SingleCoreAffinity);
        // In-process by default. Measured here, the default toolchain first builds a generated
        // project (17 s to 37 s on this loaded 2-core machine, a third of the quick budget) and
        // then starts a fresh process per benchmark, where the quick job's three short warm-ups
        // often ended before tiered JIT had optimised the code (Keccak-256 of 1 KiB read 50 µs
        // instead of 5 to 8 µs). --out-of-process keeps the isolated mode for a quiet machine.
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
