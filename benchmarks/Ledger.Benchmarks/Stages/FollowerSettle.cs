using System.Diagnostics;
using System.Globalization;
using Ledger.Api.V1;

namespace Ledger.Benchmarks.Stages;

/// <summary>
/// Waits until every gateway's event follower has applied the node's head, so that a measurement
/// that follows shares the node with no follower still reading a bulk load. Each follower is asked
/// through a WatchPermits stream of arrivals only (none in a load: the follower builds nothing for
/// it), which delivers the follower's checkpoints; the streams are closed before this returns.
/// </summary>
internal static class FollowerSettle
{
    /// <summary>
    /// Waits at most <paramref name="budget"/>; returns null when every follower applied the head,
    /// otherwise which did not (their checkpoint, or why their stream ended), for the report.
    /// </summary>
    public static async Task<string?> WaitAsync(BenchContext context, TimeSpan budget, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var probes = context.Devnet.Authorities.Select(authority => (authority.Id, Probe: FollowerProbe.Start(
            context.Grpc(authority), authority.CustomsIdentity ?? authority.ObserverIdentity, ct, clock: null, PermitEventKind.ArrivalConfirmed))).ToList();
        try
        {
            var clock = Stopwatch.StartNew();
            var head = await context.Node.BlockNumberAsync(ct);
            var reached = await Task.WhenAll(probes.Select(p => p.Probe.WaitForBlockAsync(head, budget, ct)));
            var behind = probes.Where((_, i) => reached[i] is null)
                .Select(p => $"{p.Id}'s at block {p.Probe.Checkpoint:N0}{(p.Probe.EndedWith is { } ended ? $" ({ended})" : "")}").ToList();
            return behind.Count == 0
                ? null
                : string.Create(CultureInfo.InvariantCulture,
                    $"not every follower had applied head {head:N0} after {clock.Elapsed.TotalSeconds:0} s: {string.Join(", ", behind)}");
        }
        finally
        {
            foreach (var (_, probe) in probes)
            {
                await probe.CloseAsync();
                probe.Dispose();
            }
        }
    }
}
