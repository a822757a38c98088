using System.Diagnostics;
using System.Globalization;

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
        var probes = context.Devnet.Authorities.Select(authority => (authority.Id, Probe: FollowerProbe.ArrivalsAt(context, authority, ct))).ToList();
        try
        {
            var clock = Stopwatch.StartNew();
            var head = await context.Node.BlockNumberAsync(ct);
            var behind = await FollowerProbe.NotReachedAsync(probes, head, budget, ct);
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
