using System.Globalization;
using Ledger.Benchmarks.Statistics;
using Ledger.Drills;

namespace Ledger.Benchmarks.Report;

/// <summary>
/// The fault drills (benchmarks/Ledger.Drills): Redis killed, node restarted, gateway SIGKILLed
/// between send and receipt, concurrent shipments racing for single-use permits; each counts
/// writes lost and writes doubled from the chain (goal 0 and 0). The full run runs them here;
/// the quick run does not, to stay under two minutes, because the test script already runs
/// them in quick mode as tests (tests/Ledger.Drills.Tests asserts 0 and 0).
/// </summary>
internal static class DrillsSection
{
    private const string Method =
        "Each drill runs on a devnet of its own and counts, from the chain, writes lost and writes doubled (goal 0 and 0): "
        + "Redis killed under load, the node killed and restarted, a gateway SIGKILLed between send and receipt, "
        + "concurrent shipments across two gateways racing for single-use permits.";

    /// <summary>Runs the drills (full runs only) and reports one row each for lost and doubled.</summary>
    public static async Task<ReportSection> RunAsync(bool quick, string workDirectory, CancellationToken ct)
    {
        var section = new ReportSection("Drills", Method);
        if (quick)
        {
            section.Notes.Add("not run in quick mode: tests/Ledger.Drills.Tests runs the quick drills in the test script and fails on any loss or double.");
            return section;
        }
        var results = await DrillSuite.RunAsync(new DrillOptions(Quick: false, Path.Combine(workDirectory, "drills")), ct);
        foreach (var drill in results)
        {
            var took = drill.Took.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
            var note = $"{drill.Attempted} writes attempted, {took} s. {drill.Notes}";
            section.Add(new ReportRow($"{drill.Name}: writes lost", Counted(drill.Lost), "writes", Goal: Goal.AtMost(0, "writes"), Note: note));
            section.Add(new ReportRow($"{drill.Name}: writes doubled", Counted(drill.Doubled), "writes", Goal: Goal.AtMost(0, "writes")));
        }
        return section;
    }

    // A drill that could not finish reports -1: not counted, so no verdict of "met".
    private static double? Counted(int writes) => writes < 0 ? null : writes;
}
