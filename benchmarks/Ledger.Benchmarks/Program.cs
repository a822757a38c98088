using Ledger.Benchmarks;
using Ledger.Processes;

// The load program of issue 13. Exit codes: 0 the run completed (goals are reported, never
// enforced), 1 the program itself failed, 2 bad arguments.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args, ToolLocator.RepositoryRoot());
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await BenchRun.RunAsync(options, Console.Out, cancel.Token);
