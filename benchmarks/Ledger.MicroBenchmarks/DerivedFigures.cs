using System.Globalization;
using BenchmarkDotNet.Reports;

namespace Ledger.MicroBenchmarks;

/// <summary>
/// Figures derived after the run: the README table, and how many signed transactions and
/// recoveries one core manages per second against the 3,000 signed transactions/s goal.
/// </summary>
internal static class DerivedFigures
{
    /// <summary>The goal for one core, in signed transactions per second.</summary>
    public const double TargetTransactionsPerSecond = 3_000;

    private static readonly (string Method, string Label)[] ThroughputOperations =
    [
        (nameof(SigningBenchmarks.FastSigner), "signed EIP-1559 transactions, SignRecoverable (what the gateway does)"),
        (nameof(SigningBenchmarks.DefaultSigner), "signed EIP-1559 transactions, Nethereum's default signer"),
        (nameof(SigningBenchmarks.RecoverAddress), "signer recoveries (what every node does per transaction)"),
    ];

    public static void Print(IReadOnlyList<Summary> summaries, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("// * Ledger figures (one core; Ratio: to the baseline of the same group, as BenchmarkDotNet computes it) *");
        FiguresTable.Print(summaries, output);

        var reports = summaries.SelectMany(summary => summary.Reports).Where(report => report.ResultStatistics is not null).ToList();
        output.WriteLine();
        output.WriteLine($"// * Throughput on one core against the {TargetTransactionsPerSecond.ToString("N0", CultureInfo.InvariantCulture)} signed tx/s goal *");
        foreach (var (method, label) in ThroughputOperations)
        {
            var report = reports.FirstOrDefault(report =>
                report.BenchmarkCase.Descriptor.Type == typeof(SigningBenchmarks)
                && report.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
            if (report is null)
            {
                output.WriteLine($"{label}: not measured in this run");
                continue;
            }
            var perSecond = FiguresTable.PerSecond(report.ResultStatistics!.Mean);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: {perSecond:N0}/s on one core = {perSecond / TargetTransactionsPerSecond:0.00} x goal " +
                $"(mean {FiguresTable.FormatNanoseconds(report.ResultStatistics.Mean)})"));
        }
    }
}
