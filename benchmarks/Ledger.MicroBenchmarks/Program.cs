using BenchmarkDotNet.Running;
using Ledger.MicroBenchmarks;

#if DEBUG
Console.Error.WriteLine("BenchmarkDotNet measures optimised code only: run with `dotnet run -c Release --project benchmarks/Ledger.MicroBenchmarks`.");
return 2;
#else
var options = BenchmarkOptions.Parse(args);
Console.WriteLine($"Ledger benchmarks: Nethereum signing, recovery, ABI encoding ({(options.Quick ? "quick: short job" : "full: default job")}), " +
    $"single-threaded and pinned to one core (CPU 0), {(options.OutOfProcess ? "out of process" : "in process")}.");
var summaries = BenchmarkSwitcher.FromAssembly(typeof(LedgerBenchmarkConfig).Assembly)
    .Run(options.SwitcherArguments, LedgerBenchmarkConfig.Create(options))
    .ToList();
if (summaries.Count > 0) // --list, --help and a filter matching nothing measure nothing
    DerivedFigures.Print(summaries, Console.Out);
return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
#endif
