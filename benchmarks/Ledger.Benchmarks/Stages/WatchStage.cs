using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Benchmarks.Report;
using Ledger.Benchmarks.Statistics;

namespace Ledger.Benchmarks.Stages;

/// <summary>
/// Events as watchers see them: WatchPermits fan-out (100 streams at the second authority's gateway,
/// permits registered for its country in one registerBatch; every stream must receive every event)
/// and replay (a WatchPermits stream from block 0 at the first authority's gateway replays the
/// bulk-loaded history, read from the chain's logs as the gateway's event follower reads them).
/// </summary>
internal sealed class WatchStage(BenchContext context, BenchOptions options, BulkLoader loader, TextWriter log)
{
    /// <summary>The fan-out, before the bulk load (the followers are then current).</summary>
    public async Task<ReportSection> RunFanOutAsync(CancellationToken ct)
    {
        var section = new ReportSection("WatchPermits fan-out",
            $"{options.WatchStreams} WatchPermits streams at {context.Second.Id}'s gateway (as {context.Second.CustomsIdentity}); {options.WatchEvents} permits of " +
            $"{context.First.Country} with destination {context.Second.Country} registered in one registerBatch sent to the node; latency from the send to each stream's delivery. " +
            $"Goal: every stream receives every event within {options.ArrivalBound.TotalSeconds:0} s.");
        await FanOutAsync(section, ct);
        return section;
    }

    /// <summary>The replay from block 0, after the bulk load (so that there is much to replay).</summary>
    public async Task<ReportSection> RunReplayAsync(CancellationToken ct)
    {
        var section = new ReportSection("WatchPermits replay from block 0",
            $"One WatchPermits stream with from_block 0 at {context.First.Id}'s gateway (as {context.First.CustomsIdentity}) replays the history, bulk load included, read from the chain's logs " +
            $"in pages as the gateway's event follower reads them, until it passes the head it started at or {options.CatchUpBudget.TotalSeconds:0} s pass.");
        await CatchUpAsync(section, ct);
        return section;
    }

    private async Task FanOutAsync(ReportSection section, CancellationToken ct)
    {
        var gateway = context.Grpc(context.Second);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(options.ArrivalBound);
        var streams = Enumerable.Range(0, options.WatchStreams)
            .Select(_ => gateway.Permits.WatchPermits(new WatchPermitsRequest(), gateway.Call(bound.Token, context.Second.CustomsIdentity))).ToList();
        try
        {
            // The first item (a checkpoint) says a stream is subscribed.
            await Task.WhenAll(streams.Select(s => s.ResponseStream.MoveNext(bound.Token)));
            var ids = Enumerable.Range(0, options.WatchEvents).Select(i => context.Permits.Id(context.First.Country, "watch", i)).ToList();
            var keys = ids.Select(id => Permits.BenchPermits.Key(id).ToHex()).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var clock = Stopwatch.StartNew();
            var register = loader.RegisterAsync(context.First, ids, bound.Token);
            var deliveries = streams.Select(s => ReceiveAsync(s.ResponseStream, keys, clock, bound.Token)).ToList();
            await register;
            var sentAt = clock.Elapsed;
            var received = await Task.WhenAll(deliveries);
            var latency = new LatencyHistogram();
            foreach (var stream in received)
                foreach (var at in stream)
                    latency.Record(at);
            var expected = (long)options.WatchStreams * options.WatchEvents;
            var delivered = received.Sum(r => r.Count);
            var span = received.SelectMany(r => r).DefaultIfEmpty().Max();
            section.Add(new ReportRow($"events lost across {options.WatchStreams} streams", expected - delivered, "events", Goal: Goal.AtMost(0, "events"),
                Note: $"{delivered:N0} of {expected:N0} delivered"));
            section.Add(new ReportRow("fan-out delivery latency p50 (send → stream)", latency.P50.TotalMilliseconds, "ms",
                Note: string.Create(CultureInfo.InvariantCulture, $"p99 {latency.P99.TotalMilliseconds:0} ms; the batch's receipt came after {sentAt.TotalMilliseconds:0} ms")));
            section.Add(new ReportRow("fan-out events delivered per second, all streams", span > TimeSpan.Zero ? delivered / span.TotalSeconds : null, "events/s"));
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  fan-out: {delivered:N0}/{expected:N0} events over {options.WatchStreams} streams, p50 {latency.P50.TotalMilliseconds:0} ms, p99 {latency.P99.TotalMilliseconds:0} ms"));
        }
        finally
        {
            foreach (var stream in streams)
                stream.Dispose();
        }
    }

    private static async Task<List<TimeSpan>> ReceiveAsync(IAsyncStreamReader<WatchPermitsResponse> stream, HashSet<string> keys, Stopwatch clock, CancellationToken ct)
    {
        var arrivals = new List<TimeSpan>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            while (seen.Count < keys.Count && await stream.MoveNext(ct))
            {
                if (stream.Current.ItemCase == WatchPermitsResponse.ItemOneofCase.Event && keys.Contains(stream.Current.Event.PermitKey) && seen.Add(stream.Current.Event.PermitKey))
                    arrivals.Add(clock.Elapsed);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled or StatusCode.DeadlineExceeded })
        {
            // Counted as lost: the stream did not deliver within the bound.
        }
        return arrivals;
    }

    private async Task CatchUpAsync(ReportSection section, CancellationToken ct)
    {
        var gateway = context.Grpc(context.First);
        var head = await context.Node.BlockNumberAsync(ct);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(options.CatchUpBudget);
        using var stream = gateway.Permits.WatchPermits(new WatchPermitsRequest { FromBlock = 0 }, gateway.Call(budget.Token, context.First.CustomsIdentity));
        var clock = Stopwatch.StartNew();
        long events = 0;
        ulong reached = 0;
        try
        {
            while (reached < head && await stream.ResponseStream.MoveNext(budget.Token))
            {
                var item = stream.ResponseStream.Current;
                if (item.ItemCase == WatchPermitsResponse.ItemOneofCase.Event)
                {
                    events++;
                    reached = Math.Max(reached, item.Event.Entry.BlockNumber);
                }
                else
                {
                    reached = Math.Max(reached, item.CheckpointBlock);
                }
            }
        }
        catch (Exception e) when (budget.IsCancellationRequested && !ct.IsCancellationRequested && e is OperationCanceledException or RpcException)
        {
            section.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"the replay stopped at its {options.CatchUpBudget.TotalSeconds:0} s budget at block {reached:N0} of {head:N0}"));
        }
        var took = clock.Elapsed;
        section.Add(new ReportRow("events replayed per second", events / took.TotalSeconds, "events/s",
            Note: string.Create(CultureInfo.InvariantCulture, $"{events:N0} events of {context.First.Country}, blocks 0..{reached:N0}, in {took.TotalSeconds:0.0} s")));
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  replay: {events:N0} events in {took.TotalSeconds:0.0} s ({events / took.TotalSeconds:N0}/s)"));
    }
}
