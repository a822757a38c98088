using Ledger.Contracts.Permits;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ledger.Contracts;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using Ledger.Gateway.Chain;

namespace Ledger.Gateway.Follower;

/// <summary>
/// Where the PermitRegistry's events about each permit are, for GetPermitHistory, built from what
/// the event follower reads anyway (and, after a restart, from one backfill of the blocks before
/// its checkpoint) instead of a scan of every block per call. It covers one contiguous block range.
/// It keeps only positions (block and log index), not the events, so that a million permits cost
/// tens of megabytes rather than gigabytes (see <see cref="PermitPositions"/>); a query reads the
/// permit's logs back from the node over the few spans of blocks that hold them, and the blocks
/// outside the covered range as a scan, so the answer is always the one a chain scan gives.
/// </summary>
internal sealed class PermitLogIndex(LedgerEventLog events)
{
    /// <summary>Indexed blocks of one permit closer than this are read back in one log query rather than one each.</summary>
    public const ulong SpanGap = 1_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<Bytes32, PermitPositions> _byPermit = [];
    private (ulong From, ulong To)? _covered;

    /// <summary>The blocks the index holds every event of, or null while empty.</summary>
    public (ulong From, ulong To)? Covered
    {
        get
        {
            lock (_gate)
                return _covered;
        }
    }

    /// <summary>Permits with at least one indexed event.</summary>
    public int PermitCount
    {
        get
        {
            lock (_gate)
                return _byPermit.Count;
        }
    }

    /// <summary>Adds the events of blocks <paramref name="from"/>..<paramref name="to"/>, which follow (or overlap the end of) the covered range.</summary>
    public void Append(ulong from, ulong to, IEnumerable<ContractEvent> logs)
    {
        lock (_gate)
        {
            if (_covered is { } covered && from > covered.To + 1)
                Clear(); // A gap (the follower was reset): start again from this range.
            var after = _covered?.To;
            foreach (var log in logs.Where(l => after is null || l.Log.BlockNumber > after))
            {
                if (PermitRegistryEvents.PermitOf(log) is not { } key)
                    continue;
                var position = Position(log);
                // One lookup: the stored value is the permit's latest, appended to and replaced where it lies.
                ref var positions = ref CollectionsMarshal.GetValueRefOrAddDefault(_byPermit, key, out var known);
                positions = known ? positions.Append(position) : new PermitPositions(position);
            }
            _covered = (_covered?.From ?? from, Math.Max(to, _covered?.To ?? to));
        }
    }

    /// <summary>Adds the events of blocks <paramref name="from"/>..<paramref name="to"/>, which end just before the covered range (backfill).</summary>
    public void Prepend(ulong from, ulong to, IReadOnlyList<ContractEvent> logs)
    {
        lock (_gate)
        {
            if (_covered is not { } covered || to + 1 != covered.From)
                return;
            foreach (var group in logs.Select(l => (Key: PermitRegistryEvents.PermitOf(l), Log: l)).Where(p => p.Key is not null).GroupBy(p => p.Key!.Value))
            {
                var earlier = group.Select(p => Position(p.Log)).ToArray();
                _byPermit[group.Key] = _byPermit.TryGetValue(group.Key, out var known) ? known.Prepend(earlier) : PermitPositions.Of(earlier);
            }
            _covered = (from, covered.To);
        }
    }

    /// <summary>The events about <paramref name="key"/> in blocks <paramref name="from"/>..<paramref name="to"/>, in chain order, as <see cref="LedgerEventLog.ReadAsync"/> returns them.</summary>
    public async IAsyncEnumerable<ContractEvent> ReadAsync(PermitKey key, ulong from, ulong to, [EnumeratorCancellation] CancellationToken ct)
    {
        IReadOnlyList<EventPosition> indexed;
        (ulong From, ulong To)? covered;
        lock (_gate)
        {
            covered = _covered;
            indexed = PositionsOf(key);
        }
        if (covered is not { } range || to < range.From || from > range.To)
        {
            await foreach (var log in events.ReadAsync(key, from, to, ct).ConfigureAwait(false))
                yield return log;
            yield break;
        }
        if (from < range.From)
            await foreach (var log in events.ReadAsync(key, from, range.From - 1, ct).ConfigureAwait(false))
                yield return log;
        var inside = indexed.Select(p => p.Block).Where(b => b >= Math.Max(from, range.From) && b <= Math.Min(to, range.To));
        foreach (var (spanFrom, spanTo) in Spans(inside))
            await foreach (var log in events.ReadAsync(key, spanFrom, spanTo, ct).ConfigureAwait(false))
                yield return log;
        if (to > range.To)
            await foreach (var log in events.ReadAsync(key, range.To + 1, to, ct).ConfigureAwait(false))
                yield return log;
    }

    /// <summary>The indexed positions of <paramref name="key"/>'s events, in chain order.</summary>
    public IReadOnlyList<EventPosition> PositionsOf(PermitKey key)
    {
        lock (_gate)
            return _byPermit.TryGetValue(key.Value, out var positions) ? positions.ToList() : [];
    }

    /// <summary>Ascending <paramref name="blocks"/> grouped into spans whose neighbours are less than <see cref="SpanGap"/> apart.</summary>
    internal static IEnumerable<(ulong From, ulong To)> Spans(IEnumerable<ulong> blocks)
    {
        (ulong From, ulong To)? span = null;
        foreach (var block in blocks)
        {
            if (span is { } open && block - open.To < SpanGap)
            {
                span = (open.From, block);
                continue;
            }
            if (span is { } done)
                yield return done;
            span = (block, block);
        }
        if (span is { } last)
            yield return last;
    }

    private void Clear()
    {
        _byPermit.Clear();
        _covered = null;
    }

    private static EventPosition Position(ContractEvent log) => new(log.Log.BlockNumber, (uint)log.Log.LogIndex);
}
