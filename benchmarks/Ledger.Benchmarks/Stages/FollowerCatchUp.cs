using System.Diagnostics;
using System.Globalization;
using Ledger.Benchmarks.Report;
using Ledger.Devnet.Hosting;

namespace Ledger.Benchmarks.Stages;

/// <summary>
/// Every gateway's event follower during one bulk load: at the first gateway a live WatchPermits
/// stream of every event (the follower builds every entry, and the stream's lag behind the head is
/// timed); at the others a stream of arrivals only, which the load has none of, so those followers
/// only invalidate and index, as with nobody watching. After the load it waits for each follower's
/// checkpoint to reach the loader's last block.
/// </summary>
internal sealed class FollowerCatchUp : IAsyncDisposable
{
    private readonly BenchContext _context;
    private readonly BlockClock _clock;
    private readonly List<(DevnetAuthority Authority, FollowerProbe Probe)> _probes;
    private readonly long _startEvents;

    private FollowerCatchUp(BenchContext context, BlockClock clock, List<(DevnetAuthority, FollowerProbe)> probes)
    {
        _context = context;
        _clock = clock;
        _probes = probes;
        _startEvents = probes[0].Item2.Events;
    }

    /// <summary>Opens the probes before a load.</summary>
    public static async Task<FollowerCatchUp> StartAsync(BenchContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = await BlockClock.StartAsync(context.Node, ct);
        var probes = context.Devnet.Authorities.Select((authority, i) => (authority, i == 0
            ? FollowerProbe.Start(context.Grpc(authority), authority.CustomsIdentity ?? authority.ObserverIdentity, ct, clock)
            : FollowerProbe.ArrivalsAt(context, authority, ct, clock)))
            .ToList();
        var catchUp = new FollowerCatchUp(context, clock, probes);
        try
        {
            await catchUp.WaitUntilLiveAsync(ct);
            return catchUp;
        }
        catch
        {
            await catchUp.DisposeAsync();
            throw;
        }
    }

    /// <summary>How long a probe may take to deliver its first checkpoint at the head (a block period, a follower poll, a slow machine).</summary>
    private static readonly TimeSpan LiveBudget = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Waits until every stream has delivered a checkpoint at or past the head as it was at the start:
    /// the subscription is live and the follower current before the load starts, so what is timed
    /// afterwards is the load, and a stream that cannot open fails here with its reason.
    /// </summary>
    private async Task WaitUntilLiveAsync(CancellationToken ct)
    {
        var head = await _context.Node.BlockNumberAsync(ct);
        var dead = await FollowerProbe.NotReachedAsync(_probes.Select(p => (p.Authority.Id, p.Probe)).ToList(), head, LiveBudget, ct);
        if (dead.Count > 0)
            throw new InvalidOperationException(
                $"The follower probes did not come live before the load (a checkpoint at block {head:N0} within {LiveBudget.TotalSeconds:0} s): {string.Join("; ", dead)}.");
    }

    /// <summary>
    /// Waits (all at once) for every follower to apply <paramref name="lastBlock"/>, at most
    /// <paramref name="budget"/>, and returns the rows for a load of <paramref name="loaded"/>
    /// permits to <paramref name="size"/> that took <paramref name="loadTime"/>.
    /// </summary>
    public async Task<IReadOnlyList<ReportRow>> MeasureAsync(long size, long loaded, TimeSpan loadTime, ulong lastBlock, TimeSpan budget, CancellationToken ct)
    {
        var caughtUp = await Task.WhenAll(_probes.Select(p => p.Probe.WaitForBlockAsync(lastBlock, budget, ct)));
        var rows = new List<ReportRow>();
        for (var i = 0; i < _probes.Count; i++)
        {
            var (authority, probe) = _probes[i];
            var took = loadTime + (caughtUp[i] ?? budget);
            var watched = i == 0 ? "every event watched" : "nobody watching registrations";
            rows.Add(new ReportRow($"event follower of {authority.Id}'s gateway ({watched}): events/s while loading to {size:N0}",
                caughtUp[i] is null ? null : loaded / took.TotalSeconds, "events/s",
                Note: caughtUp[i] is { } after
                    ? string.Create(CultureInfo.InvariantCulture, $"{loaded:N0} events applied in {took.TotalSeconds:0.0} s, caught up {after.TotalSeconds:0.0} s after the load ended")
                    : probe.EndedWith is { } ended
                        ? $"NOT measured: {ended}; checkpoint at block {probe.Checkpoint:N0} of {lastBlock:N0}"
                        : string.Create(CultureInfo.InvariantCulture, $"NOT caught up {budget.TotalSeconds:0} s after the load: checkpoint at block {probe.Checkpoint:N0} of {lastBlock:N0}")));
        }
        var stream = _probes[0].Probe;
        var lag = stream.Lag;
        rows.Add(new ReportRow($"WatchPermits stream lag at {_probes[0].Authority.Id}'s gateway while loading to {size:N0}, p50", lag.P50.TotalMilliseconds, "ms",
            Note: string.Create(CultureInfo.InvariantCulture,
                $"p99 {lag.P99.TotalSeconds:0.0} s, max {lag.Max.TotalSeconds:0.0} s from the block becoming the head (polled every {BlockClock.Poll.TotalMilliseconds:0} ms) to the event on the stream; " +
                $"{stream.Events - _startEvents:N0} of {loaded:N0} new events delivered, {stream.Repeats:N0} delivered again")));
        return rows;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Closed and awaited, so that no watch of every event outlives the step and keeps its follower reading permits.
        foreach (var (_, probe) in _probes)
        {
            await probe.CloseAsync();
            probe.Dispose();
        }
        await _clock.DisposeAsync();
    }
}
