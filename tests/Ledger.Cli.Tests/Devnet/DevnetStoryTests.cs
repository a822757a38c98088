using System.Text.RegularExpressions;
using Ledger.Devnet;
using Ledger.Devnet.Hosting;

namespace Ledger.Cli.Tests.Devnet;

/// <summary>
/// The whole story of `./scripts/devnet.sh --once` (demo through each officer's own gateway,
/// NO admitted by vote, conformance against every gateway) on a devnet of its own, since the
/// admission changes the validator set the other devnet tests read.
/// </summary>
[Collection(DevnetCollection.Name)]
public partial class DevnetStoryTests
{
    [Fact]
    public async Task The_story_runs_the_demo_admits_NO_and_passes_conformance_at_every_gateway()
    {
        var state = Path.Combine(Path.GetTempPath(), "ledger-devnet-story-" + Guid.NewGuid().ToString("N"));
        var output = new StringWriter();
        int code;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
            await using (var devnet = await RunningDevnet.StartAsync(new DevnetOptions(BasePort: 0, UseRedis: true, StateFolder: state), output, timeout.Token))
                code = await DevnetCommand.RunStoryAsync(devnet, output, timeout.Token);
        }
        finally
        {
            if (Directory.Exists(state))
                Directory.Delete(state, recursive: true);
        }
        var text = output.ToString();

        Assert.True(code == 0, text);
        Assert.Contains("demo complete: every step behaved", text);
        Assert.Contains("no's node validates from now on", text);
        Assert.Contains("designated no-customs through its own gateway", text);
        var summaries = ConformanceSummary().Matches(text);
        // One conformance run per gateway with customs: the four founders and NO.
        Assert.Equal(5, summaries.Count);
        Assert.All(summaries, summary => Assert.Equal("0", summary.Groups["failed"].Value));
        Assert.All(summaries, summary => Assert.NotEqual("0", summary.Groups["passed"].Value));
        // GET FINAL and CONFIRM QUANTITIES pass at every gateway, not skip: each has its peer endpoint, and the
        // destination's customs confirm arrivals at their own gateway.
        foreach (var check in new[] { "(GET FINAL)", "(CONFIRM QUANTITIES)" })
            Assert.Equal(5, text.Split('\n').Count(line => line.StartsWith("  PASS  ", StringComparison.Ordinal) && line.Contains(check, StringComparison.Ordinal)));
        Assert.Contains("devnet story complete", text);
    }

    [GeneratedRegex(@"^conformance: (?<passed>\d+) passed, (?<failed>\d+) failed, \d+ skipped$", RegexOptions.Multiline)]
    private static partial Regex ConformanceSummary();
}
