using System.Diagnostics;
using Grpc.Core;

namespace Ledger.Cli.Conformance;

/// <summary>
/// The onboarding assessment of a gateway (EPIX: a new Party is tested once against the
/// network's contract, not bilaterally with every other Party): every check against the
/// gateway, each reported passed, failed or skipped with what was seen.
/// </summary>
public static class ConformanceRun
{
    /// <summary>Every check, in the order they run.</summary>
    public static IReadOnlyList<ConformanceCheck> Checks { get; } =
        [.. TransportChecks.All(), .. StoryChecks.All(), .. ExchangeChecks.All(), .. RefusalChecks.All()];

    /// <summary>Runs every check, printing each result as it comes, and returns them all.</summary>
    public static async Task<IReadOnlyList<ConformanceResult>> RunAsync(ConformanceContext context, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync($"conformance run against {context.Address} ({context.Country} issuer and customs; test permits to {context.Destination})");
        var results = new List<ConformanceResult>();
        foreach (var check in Checks)
        {
            var result = await RunOneAsync(check, context, cancellationToken);
            results.Add(result);
            var mark = result.Outcome switch { ConformanceOutcome.Passed => "PASS", ConformanceOutcome.Failed => "FAIL", _ => "SKIP" };
            await output.WriteLineAsync($"  {mark}  {check.Name}  ({result.Elapsed.TotalMilliseconds:0} ms)");
            if (result.Detail is not null)
                await output.WriteLineAsync($"        {result.Detail}");
        }
        var passed = results.Count(r => r.Outcome == ConformanceOutcome.Passed);
        var failed = results.Count(r => r.Outcome == ConformanceOutcome.Failed);
        var skipped = results.Count(r => r.Outcome == ConformanceOutcome.Skipped);
        await output.WriteLineAsync($"conformance: {passed} passed, {failed} failed, {skipped} skipped");
        return results;
    }

    private static async Task<ConformanceResult> RunOneAsync(ConformanceCheck check, ConformanceContext context, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var note = await check.Run(context, cancellationToken);
            return new ConformanceResult(check.Name, ConformanceOutcome.Passed, note, clock.Elapsed);
        }
        catch (ConformanceSkip skip)
        {
            return new ConformanceResult(check.Name, ConformanceOutcome.Skipped, skip.Message, clock.Elapsed);
        }
        catch (ConformanceFailure failure)
        {
            return new ConformanceResult(check.Name, ConformanceOutcome.Failed, failure.Message, clock.Elapsed);
        }
        catch (RpcException e)
        {
            return new ConformanceResult(check.Name, ConformanceOutcome.Failed, $"unexpected {e.StatusCode}: {e.Status.Detail}", clock.Elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ConformanceResult(check.Name, ConformanceOutcome.Failed, $"{e.GetType().Name}: {e.Message}", clock.Elapsed);
        }
    }
}
