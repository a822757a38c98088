using System.Diagnostics;
using System.Globalization;
using Ledger.Api.V1;
using Ledger.Benchmarks.Report;
using Ledger.Benchmarks.Statistics;

namespace Ledger.Benchmarks.Stages;

/// <summary>
/// Register-to-visible: a permit registered at the first authority's gateway, asked about at the
/// second's until it answers VALID (every 10 ms, as a customs officer re-asking). Timed from the
/// register call's start; four lanes at once, each starting at a random point of the block period.
/// Goal: p50 and p99 ≤ one block period + 100 ms.
/// </summary>
internal sealed class VisibilityStage(BenchContext context, BenchOptions options, TextWriter log)
{
    private const int Lanes = 4;

    /// <summary>Times the samples and returns the section.</summary>
    public async Task<ReportSection> RunAsync(CancellationToken ct)
    {
        var goal = (context.BlockPeriod + TimeSpan.FromMilliseconds(100)).TotalMilliseconds;
        var perLane = Math.Max(1, options.VisibilitySamples / Lanes);
        var section = new ReportSection("Register-to-visible",
            $"A permit registered through {context.First.Id}'s gateway (gRPC, as {context.First.IssuerIdentity}) is asked about at {context.Second.Id}'s gateway " +
            $"(as {context.Second.CustomsIdentity}) every 10 ms until VALID; timed from the start of the register call. {perLane * Lanes} samples in {Lanes} lanes.");
        var timedOut = 0;
        var fromSend = new LatencyHistogram();
        var afterReturn = new LatencyHistogram();
        var gate = new Lock();
        await Task.WhenAll(Enumerable.Range(0, Lanes).Select(lane => Task.Run(async () =>
        {
            var random = new Random(lane);
            for (var i = 0; i < perLane; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * context.BlockPeriod.TotalMilliseconds), ct);
                var (visible, returned) = await SampleAsync($"{lane}-{i}", ct);
                lock (gate)
                {
                    timedOut += visible >= options.ArrivalBound ? 1 : 0;
                    fromSend.Record(visible);
                    afterReturn.Record(visible - returned);
                }
            }
        }, ct)));
        section.Add(new ReportRow("register → VALID at the other gateway, p50", fromSend.P50.TotalMilliseconds, "ms", Goal: Goal.AtMost(goal, "ms (block period + 100 ms)")));
        section.Add(new ReportRow("register → VALID at the other gateway, p99", fromSend.P99.TotalMilliseconds, "ms", Goal: Goal.AtMost(goal, "ms (block period + 100 ms)")));
        section.Add(new ReportRow("register call returned → VALID there, p50", afterReturn.P50.TotalMilliseconds, "ms",
            Note: string.Create(CultureInfo.InvariantCulture, $"p99 {afterReturn.P99.TotalMilliseconds:0} ms; the other gateway's follower and cache")));
        if (timedOut > 0)
            section.Notes.Add($"{timedOut} of {fromSend.Count} samples were not VALID at {context.Second.Id}'s gateway within {options.ArrivalBound.TotalSeconds:0} s and count as that bound.");
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  register-to-visible: p50 {fromSend.P50.TotalMilliseconds:0} ms, p99 {fromSend.P99.TotalMilliseconds:0} ms ({fromSend.Count} samples)"));
        return section;
    }

    private async Task<(TimeSpan Visible, TimeSpan Returned)> SampleAsync(string label, CancellationToken ct)
    {
        var issuer = context.Grpc(context.First);
        var other = context.Grpc(context.Second);
        var draft = context.Permits.Draft(context.Permits.Id(context.First.Country, "visible", 0) + "-" + label, context.Second.Country);
        var clock = Stopwatch.StartNew();
        async Task<TimeSpan> RegisterAsync()
        {
            await issuer.Permits.RegisterPermitAsync(
                new RegisterPermitRequest { RequestId = Guid.NewGuid().ToString("N"), Permit = draft }, issuer.Call(ct, context.First.IssuerIdentity));
            return clock.Elapsed;
        }
        var registering = RegisterAsync();
        while (clock.Elapsed < options.ArrivalBound)
        {
            var answer = await other.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = draft.PermitId }, other.Call(ct, context.Second.CustomsIdentity));
            if (answer.Status == VerificationStatus.Valid)
                break;
            if (registering.IsFaulted)
                await registering; // surfaces the registration's error
            await Task.Delay(10, ct);
        }
        var visible = clock.Elapsed < options.ArrivalBound ? clock.Elapsed : options.ArrivalBound;
        var returned = await registering;
        // Visible before the call returned (the other gateway saw the block first): no negative wait.
        return (visible, returned < visible ? returned : visible);
    }
}
