using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Ledger.MicroBenchmarks;

/// <summary>
/// One Markdown table of every measured operation across all benchmark classes, with its
/// baseline and ratio, ready to paste into the README.
/// </summary>
internal static class FiguresTable
{
    public static void Print(IReadOnlyList<Summary> summaries, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("| Group | Operation | Mean ± StdDev | Per second (1 core) | Allocated | Baseline | Ratio |");
        output.WriteLine("|---|---|---:|---:|---:|---|---:|");
        foreach (var summary in summaries)
        {
            foreach (var report in summary.Reports.Where(report => report.ResultStatistics is not null))
            {
                var benchmark = report.BenchmarkCase;
                var statistics = report.ResultStatistics!;
                var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmark));
                output.WriteLine(string.Join(" | ",
                    "| " + GroupName(benchmark),
                    OperationName(benchmark),
                    $"{FormatNanoseconds(statistics.Mean)} ± {FormatNanoseconds(statistics.StandardDeviation)}",
                    PerSecond(statistics.Mean).ToString("N0", CultureInfo.InvariantCulture),
                    FormatBytes(report.GcStats.GetBytesAllocatedPerOperation(benchmark)),
                    baseline is null ? "-" : baseline == benchmark ? "(baseline)" : OperationName(baseline),
                    // BenchmarkDotNet's own Ratio (mean of the per-iteration ratios), so this table agrees with its tables.
                    baseline is null ? "-" : BaselineRatioColumn.RatioMean.GetValue(summary, benchmark)) + " |");
            }
        }
    }

    public static double PerSecond(double meanNanoseconds) => 1e9 / meanNanoseconds;

    public static string FormatNanoseconds(double nanoseconds) => nanoseconds switch
    {
        < 1e3 => nanoseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ns",
        < 1e6 => (nanoseconds / 1e3).ToString("0.00", CultureInfo.InvariantCulture) + " µs",
        _ => (nanoseconds / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
    };

    /// <summary>The benchmark's description without the quotes BenchmarkDotNet adds around descriptions with spaces.</summary>
    private static string OperationName(BenchmarkCase benchmark) => benchmark.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');

    private static string GroupName(BenchmarkCase benchmark)
    {
        var categories = benchmark.Descriptor.Categories;
        var parameters = benchmark.HasParameters
            ? " (" + string.Join(", ", benchmark.Parameters.Items.Select(parameter => $"{parameter.Name}={parameter.Value}")) + ")"
            : "";
        var type = benchmark.Descriptor.Type.Name.Replace("Benchmarks", "", StringComparison.Ordinal);
        return (categories.Length > 0 ? string.Join(", ", categories) : type) + parameters;
    }

    private static string FormatBytes(long? bytes) => bytes switch
    {
        null => "-",
        0 => "0 B",
        _ => bytes.Value.ToString("N0", CultureInfo.InvariantCulture) + " B",
    };
}
