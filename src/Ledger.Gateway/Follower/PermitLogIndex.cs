using Ledger.Contracts.Permits;
using System.Runtime.CompilerServices;
using Ledger.Contracts;
using Ledger.Core.Permits;
using Ledger.Gateway.Chain;

namespace Ledger.Gateway.Follower;

/// <summary>
/// The PermitRegistry's events by permit key, for GetPermitHistory, built from what the event
/// follower reads anyway (and, after a restart, from one backfill of the blocks before its
/// checkpoint) instead of a log scan per call. It covers one contiguous block range; a query
/// reads the blocks outside that range from the node, so the answer is always the one a
/// chain scan gives. Events are kept in memory: a few hundred bytes each.
/// </summary>
internal sealed class PermitLogIndex(LedgerEventLog events)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<ContractEvent>> _byPermit = new(StringComparer.Ordinal);
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

    /// <summary>Adds the events of blocks <paramref name="from"/>..<paramref name="to"/>, which follow (or overlap the end of) the covered range.</summary>
    public void Append(ulong from, ulong to, IEnumerable<ContractEvent> logs)
    {
        lock (_gate)
        {
            if (_covered is { } covered && from > covered.To + 1)
                Clear(); // A gap (the follower was reset): start again from this range.
            var after = _covered?.To;
            foreach (var log in logs.Where(l => after is null || l.Log.BlockNumber > after))
                ListOf(log)?.Add(log);
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
            foreach (var group in logs.GroupBy(KeyOf).Where(g => g.Key is not null))
                ListOf(group.First())!.InsertRange(0, group);
            _covered = (from, covered.To);
        }
    }

    /// <summary>The events about <paramref name="key"/> in blocks <paramref name="from"/>..<paramref name="to"/>, in chain order, as <see cref="LedgerEventLog.ReadAsync"/> returns them.</summary>
    public async IAsyncEnumerable<ContractEvent> ReadAsync(PermitKey key, ulong from, ulong to, [EnumeratorCancellation] CancellationToken ct)
    {
        ContractEvent[] indexed;
        (ulong From, ulong To)? covered;
        lock (_gate)
        {
            covered = _covered;
            indexed = _byPermit.TryGetValue(KeyText(key), out var list) ? [.. list] : [];
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
        foreach (var log in indexed.Where(l => l.Log.BlockNumber >= Math.Max(from, range.From) && l.Log.BlockNumber <= Math.Min(to, range.To)))
            yield return log;
        if (to > range.To)
            await foreach (var log in events.ReadAsync(key, range.To + 1, to, ct).ConfigureAwait(false))
                yield return log;
    }

    private void Clear()
    {
        _byPermit.Clear();
        _covered = null;
    }

    private List<ContractEvent>? ListOf(ContractEvent log)
    {
        if (KeyOf(log) is not { } key)
            return null;
        if (!_byPermit.TryGetValue(key, out var list))
            _byPermit[key] = list = [];
        return list;
    }

    // The permit an event is about: its first indexed topic, which is what the per-permit log filter matches.
    private static string? KeyOf(ContractEvent log) => log switch
    {
        PermitRegistered e => e.Key.ToString(),
        PermitCancelled e => e.Key.ToString(),
        PermitReplaced e => e.OldKey.ToString(),
        ShipmentRecorded e => e.Key.ToString(),
        ArrivalConfirmed e => e.Key.ToString(),
        _ => null,
    };

    private static string KeyText(PermitKey key) => key.Value.ToString();
}
