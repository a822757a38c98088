namespace Ledger.MicroBenchmarks;

/// <summary>
/// This program's own switches; every other argument goes to BenchmarkDotNet's switcher
/// (for example <c>--filter *Signing*</c> or <c>--list flat</c>).
/// </summary>
internal sealed record BenchmarkOptions(bool Quick, bool OutOfProcess, string[] SwitcherArguments)
{
    public const string QuickSwitch = "--quick";
    public const string OutOfProcessSwitch = "--out-of-process";

    public static BenchmarkOptions Parse(string[] args)
    {
        var rest = args.Where(arg => arg is not (QuickSwitch or OutOfProcessSwitch)).ToList();
        // Without a filter the switcher asks interactively which benchmarks to run; a plain run means all of them.
        if (!rest.Any(arg => arg is "--filter" or "-f" or "--list" or "--help" or "-h" or "--version"))
            rest.AddRange(["--filter", "*"]);
        return new BenchmarkOptions(args.Contains(QuickSwitch), args.Contains(OutOfProcessSwitch), [.. rest]);
    }
}
