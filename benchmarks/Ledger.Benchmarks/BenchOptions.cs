using System.Globalization;

namespace Ledger.Benchmarks;

/// <summary>
/// How a run measures: quick (a smoke test in under two minutes: short windows, small scale sizes)
/// or full, where the report goes, and the scale sizes (issue 13: 10k, 100k and 1M permits).
/// </summary>
/// <param name="Quick">Smoke-test mode.</param>
/// <param name="OutputDirectory">Where report.md and the chart go.</param>
/// <param name="ScaleSizes">Permits on chain at each scale step, ascending.</param>
/// <param name="Stages">The stages to run (<see cref="StageNames"/>), or null for all of them.</param>
internal sealed record BenchOptions(bool Quick, string OutputDirectory, IReadOnlyList<long> ScaleSizes, IReadOnlySet<string>? Stages = null)
{
    /// <summary>The names <c>--only</c> accepts, in the order a run takes the stages.</summary>
    public static readonly IReadOnlyList<string> StageNames =
        ["verify-cached", "visibility", "fan-out", "writes", "scale", "verify-uncached", "replay", "drills"];

    /// <summary>Whether this run includes the stage called <paramref name="name"/>.</summary>
    public bool Runs(string name) => Stages is null || Stages.Contains(name);

    /// <summary>The full run's scale sizes.</summary>
    public static readonly IReadOnlyList<long> FullScaleSizes = [10_000, 100_000, 1_000_000];

    /// <summary>
    /// Scale sizes from which permits are generated into storage on a devnet of their own rather than
    /// bulk-loaded (anvil would take seconds per block, and the load tens of minutes).
    /// </summary>
    public long ScaleGeneratedFrom => 1_000_000;

    /// <summary>The quick run's scale sizes (it says so in the report).</summary>
    public static readonly IReadOnlyList<long> QuickScaleSizes = [1_000, 4_000, 12_000];

    /// <summary>Client counts of the verify measurements.</summary>
    public static readonly IReadOnlyList<int> VerifyConcurrency = [1, 16, 64];

    /// <summary>Unrecorded time before each measured window.</summary>
    public TimeSpan WarmUp => Quick ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(1);

    /// <summary>Unrecorded load per way of asking before the first verify window, until the code runs recompiled (see VerifyStage).</summary>
    public TimeSpan SteadyStateWarmUp => Quick ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(5);

    /// <summary>
    /// Never-asked permits each gateway way may use in its <see cref="SteadyStateWarmUp"/> of the miss
    /// path: enough calls for the runtime to recompile it, few enough not to grow the chain much.
    /// </summary>
    public int UncachedWarmUpPermits => Quick ? 300 : 5_000;

    /// <summary>
    /// Rounds of verify windows at each client count, every way once per round: three 2 s windows
    /// interleaved say more than one 5 s window each, on a machine whose speed moves by 10–20 %
    /// within a minute (the same gateway measured 1.29× and 1.48× raw in consecutive runs with
    /// single windows).
    /// </summary>
    public int VerifyRounds => Quick ? 1 : 3;

    /// <summary>Length of each verify window (one per way per round).</summary>
    public TimeSpan VerifyWindow => Quick ? TimeSpan.FromMilliseconds(800) : TimeSpan.FromSeconds(2);

    /// <summary>Length of each write window, in block periods.</summary>
    public int WriteBlocks => Quick ? 2 : 10;

    /// <summary>Clients per gateway (and per account for the baseline) in the write measurements.</summary>
    public int WriteConcurrency => Quick ? 16 : 64;

    /// <summary>Registrations timed for register-to-visible.</summary>
    public int VisibilitySamples => Quick ? 5 : 40;

    /// <summary>Verifications timed per scale step (one client).</summary>
    public int ScaleVerifySamples => Quick ? 100 : 1_000;

    /// <summary>Registrations whose gas is read per scale step.</summary>
    public int ScaleRegisterSamples => Quick ? 3 : 10;

    /// <summary>Streams of the WatchPermits fan-out.</summary>
    public int WatchStreams => 100;

    /// <summary>Permits registered while the fan-out streams watch.</summary>
    public int WatchEvents => Quick ? 20 : 100;

    /// <summary>Longest a follower may take to catch up after a load, and the replay may run, before they report what they reached.</summary>
    public TimeSpan CatchUpBudget => Quick ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(60);

    /// <summary>How long the node is watched at rest after each scale step (a few blocks, to see each block's mining whole).</summary>
    public TimeSpan NodeProbeWindow => Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(6);

    /// <summary>
    /// Longest the event followers may take to catch up after a bulk load of <paramref name="events"/>
    /// permits: <see cref="CatchUpBudget"/> plus the load at <see cref="SlowestCatchUpRate"/>.
    /// </summary>
    public TimeSpan CatchUpBudgetFor(long events) => CatchUpBudget + TimeSpan.FromSeconds(events / SlowestCatchUpRate);

    /// <summary>
    /// Events per second below which a follower counts as not keeping up with a bulk load: a follower
    /// with a watch of every event reads each permit, 300–900 events/s on this machine.
    /// </summary>
    public const double SlowestCatchUpRate = 300;

    /// <summary>Longest a register-to-visible sample or the fan-out waits before it counts what did not arrive.</summary>
    public TimeSpan ArrivalBound => Quick ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(30);

    /// <summary>Parses "[--quick] [--out DIR] [--scale N,N,N]"; throws <see cref="ArgumentException"/> with the usage on anything else.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(args);
        var quick = false;
        string? output = null;
        IReadOnlyList<long>? sizes = null;
        IReadOnlySet<string>? stages = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--out" when i + 1 < args.Count:
                    output = args[++i];
                    break;
                case "--scale" when i + 1 < args.Count:
                    sizes = ParseSizes(args[++i]);
                    break;
                case "--only" when i + 1 < args.Count:
                    stages = ParseStages(args[++i]);
                    break;
                default:
                    throw new ArgumentException($"Unknown or incomplete argument '{args[i]}'. {Usage}");
            }
        }
        return new BenchOptions(quick, Path.GetFullPath(output ?? Path.Combine(repositoryRoot, "benchmarks", "results")),
            sizes ?? (quick ? QuickScaleSizes : FullScaleSizes), stages);
    }

    /// <summary>The command line's usage.</summary>
    public const string Usage = "Usage: dotnet run -c Release --project benchmarks/Ledger.Benchmarks -- [--quick] [--out DIR] [--scale 10000,100000,1000000] [--only STAGE,STAGE]";

    private static HashSet<string> ParseStages(string text)
    {
        var stages = text.Split(',').ToHashSet(StringComparer.Ordinal);
        var unknown = stages.Where(stage => !StageNames.Contains(stage)).ToArray();
        return unknown.Length == 0
            ? stages
            : throw new ArgumentException($"--only takes stages among {string.Join(", ", StageNames)}, not '{string.Join(", ", unknown)}'. {Usage}");
    }

    private static long[] ParseSizes(string text)
    {
        var sizes = text.Split(',').Select(part => long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : throw new ArgumentException($"--scale takes positive whole numbers separated by commas, not '{text}'. {Usage}")).ToArray();
        if (!sizes.SequenceEqual(sizes.Order()) || sizes.Distinct().Count() != sizes.Length)
            throw new ArgumentException($"--scale sizes must ascend: '{text}'. {Usage}");
        return sizes;
    }
}
