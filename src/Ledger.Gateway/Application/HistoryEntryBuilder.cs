using System.Collections.Concurrent;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Core.Primitives;
using Ledger.Contracts;
using Ledger.Contracts.Permits;
using Ledger.Core.Permits;
using Ledger.Gateway.Chain;

namespace Ledger.Gateway.Application;

/// <summary>
/// Turns PermitRegistry events into history entries (kind, acting authority with country and
/// kind, actorRef, block, block time, transaction, details). One builder serves one batch of
/// events and remembers the permits, block times and authority profiles it has looked up, so
/// each is read once per batch; <see cref="PrefetchAsync"/> reads them for many events at once.
/// </summary>
internal sealed class HistoryEntryBuilder(LedgerReader reader)
{
    /// <summary>Node reads <see cref="PrefetchAsync"/> keeps in flight at once.</summary>
    public const int ConcurrentReads = 16;

    private readonly ConcurrentDictionary<ulong, DateTimeOffset> _blockTimes = [];
    private readonly ConcurrentDictionary<Address, Ledger.Contracts.Authorities.AuthorityProfile> _profiles = [];
    private readonly ConcurrentDictionary<Bytes32, OnChainPermit> _permits = [];

    /// <summary>The kind of a PermitRegistry event, or null for an event that is not about a permit.</summary>
    public static PermitEventKind? KindOf(ContractEvent contractEvent) => Describe(contractEvent)?.Kind;

    /// <summary>
    /// Reads, <see cref="ConcurrentReads"/> reads at a time (the permits' one read itself keeping up to
    /// <see cref="LedgerReader.MaxCallsInFlight"/> node calls in flight), everything building <paramref name="contractEvents"/>
    /// needs: the permits in one read (<see cref="LedgerReader.ReadPermitsAtAsync"/>, which splits it into
    /// bounded calls; at <paramref name="block"/>, at or after every event: what the events use of a
    /// permit never changes after registration), each actor's profile once, each block's time once.
    /// </summary>
    public async Task PrefetchAsync(IReadOnlyCollection<ContractEvent> contractEvents, ulong block, CancellationToken ct)
    {
        var described = contractEvents.Select(e => (Event: e, About: Describe(e))).Where(d => d.About is not null).ToList();
        var permitKeys = described.Select(d => d.About!.Value.Key).Distinct().Where(k => !_permits.ContainsKey(k)).ToArray();
        var reads = (permitKeys.Length == 0 ? [] : new[] { (Func<Task>)(() => PrefetchPermitsAsync(permitKeys, block, ct)) })
            .Concat(described.Select(d => d.About!.Value.Actor).Distinct().Where(a => !_profiles.ContainsKey(a))
                .Select(a => (Func<Task>)(async () => _profiles[a] = await reader.ProfileAsync(a, ct).ConfigureAwait(false))))
            .Concat(described.Select(d => d.Event.Log.BlockNumber).Distinct().Where(b => !_blockTimes.ContainsKey(b))
                .Select(b => (Func<Task>)(async () => _blockTimes[b] = await reader.Chain.GetBlockTimeAsync(b, ct).ConfigureAwait(false))));
        await Parallel.ForEachAsync(reads, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentReads, CancellationToken = ct },
            async (read, _) => await read().ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>The permits of <paramref name="keys"/> at <paramref name="block"/>, issuer status included.</summary>
    private async Task PrefetchPermitsAsync(Bytes32[] keys, ulong block, CancellationToken ct)
    {
        var snapshots = await reader.ReadPermitsAtAsync(keys.Select(k => new PermitKey(k)).ToArray(), block, ct).ConfigureAwait(false);
        for (var i = 0; i < keys.Length; i++)
            _permits[keys[i]] = snapshots[i].Permit;
    }

    /// <summary>
    /// The entry for <paramref name="contractEvent"/> with the permit's issuing and destination
    /// countries (for filtering watchers; neither ever changes), or null for an event that is
    /// not about a permit.
    /// </summary>
    public async Task<PermitEvent?> BuildEventAsync(ContractEvent contractEvent, CancellationToken ct)
    {
        if (Describe(contractEvent) is not { } about || await BuildAsync(contractEvent, ct).ConfigureAwait(false) is not { } entry)
            return null;
        var permit = await PermitAsync(about.Key, ct).ConfigureAwait(false);
        return new PermitEvent
        {
            PermitKey = new PermitKey(about.Key).ToString(),
            IssuingCountry = permit.IssuerCountry?.Value ?? "",
            DestinationCountry = permit.Destination?.Value ?? "",
            Entry = entry,
        };
    }

    /// <summary>The entry for <paramref name="contractEvent"/>, or null for an event that is not about a permit.</summary>
    public async Task<PermitHistoryEntry?> BuildAsync(ContractEvent contractEvent, CancellationToken ct)
    {
        if (Describe(contractEvent) is not { } about)
            return null;
        var log = contractEvent.Log;
        var entry = new PermitHistoryEntry
        {
            Kind = about.Kind,
            Actor = await ActorAsync(about.Actor, ct).ConfigureAwait(false),
            ActorRef = about.ActorRef.ToString(),
            BlockNumber = log.BlockNumber,
            BlockTime = Timestamp.FromDateTimeOffset(await BlockTimeAsync(log.BlockNumber, ct).ConfigureAwait(false)),
            TxHash = log.TransactionHash.ToString(),
            LogIndex = (uint)log.LogIndex,
        };
        switch (contractEvent)
        {
            case PermitRegistered registered:
                entry.Registration = await RegistrationAsync(registered, ct).ConfigureAwait(false);
                break;
            case PermitCancelled cancelled:
                entry.Cancellation = new CancellationDetails { Reason = Reason(cancelled.ReasonCode) };
                break;
            case PermitReplaced replaced:
                entry.Cancellation = new CancellationDetails
                {
                    Reason = Reason(replaced.ReasonCode),
                    ReplacementPermitKey = replaced.NewKey.ToString(),
                };
                break;
            case ShipmentRecorded shipment:
                // consumed_permit describes arrivals only: an export record always consumes.
                entry.Shipment = Shipment(shipment.ShipmentRef, shipment.Quantities, consumedPermit: false);
                break;
            case ArrivalConfirmed arrival:
                entry.Shipment = Shipment(arrival.ShipmentRef, arrival.Quantities, arrival.Consumed);
                break;
        }
        return entry;
    }

    /// <summary>What every permit event has: its kind, the permit (the old one for a replacement), the acting authority and the official.</summary>
    private static (PermitEventKind Kind, Bytes32 Key, Address Actor, Bytes32 ActorRef)? Describe(ContractEvent contractEvent) => contractEvent switch
    {
        PermitRegistered e => (PermitEventKind.Registered, e.Key, e.Issuer, e.ActorRef),
        PermitCancelled e => (PermitEventKind.Cancelled, e.Key, e.Issuer, e.ActorRef),
        PermitReplaced e => (PermitEventKind.Replaced, e.OldKey, e.Issuer, e.ActorRef),
        ShipmentRecorded e => (PermitEventKind.ShipmentRecorded, e.Key, e.Customs, e.ActorRef),
        ArrivalConfirmed e => (PermitEventKind.ArrivalConfirmed, e.Key, e.Customs, e.ActorRef),
        _ => null,
    };

    /// <summary>
    /// The registration's details. The event carries only the document hash; the rest is read
    /// from verify, whose registration fields never change after registration (so the newest
    /// state serves, which also works on nodes that keep no old state).
    /// </summary>
    private async Task<RegistrationDetails> RegistrationAsync(PermitRegistered registered, CancellationToken ct)
    {
        var permit = await PermitAsync(registered.Key, ct).ConfigureAwait(false);
        var details = new RegistrationDetails
        {
            DocumentHash = registered.DocumentHash.ToString(),
            Type = ChainEnumMapping.PermitTypeFromChain((byte)permit.Type),
            ValidFrom = new Timestamp { Seconds = (long)permit.ValidFrom },
            ValidUntil = new Timestamp { Seconds = (long)permit.ValidUntil },
            DestinationCountry = permit.Destination?.Value ?? "",
            MaxShipments = permit.MaxShipments,
            PreviousPermitKey = permit.Previous?.ToString() ?? "",
        };
        details.Authorised.AddRange(permit.Lines.Select(line => line.Authorised.ToString(CultureInfo.InvariantCulture)));
        return details;
    }

    /// <summary>The permit as prefetched, or read now at the newest block (its registration fields, issuer and destination never change).</summary>
    private async Task<OnChainPermit> PermitAsync(Bytes32 key, CancellationToken ct)
    {
        if (!_permits.TryGetValue(key, out var permit))
        {
            permit = (await reader.ReadPermitAsync(new PermitKey(key), ct).ConfigureAwait(false)).Permit;
            _permits[key] = permit;
        }
        return permit;
    }

    private static ShipmentDetails Shipment(Bytes32 shipmentRef, IReadOnlyList<UInt128> quantities, bool consumedPermit)
    {
        var details = new ShipmentDetails { ShipmentRefHash = shipmentRef.ToString(), ConsumedPermit = consumedPermit };
        details.Quantities.AddRange(quantities.Select(q => q.ToString(CultureInfo.InvariantCulture)));
        return details;
    }

    private static Ledger.Api.V1.CancelReason Reason(byte code) => ChainEnumMapping.CancelReasonFromChain(code);

    private async Task<AuthorityRef> ActorAsync(Address account, CancellationToken ct)
    {
        if (!_profiles.TryGetValue(account, out var profile))
        {
            profile = await reader.ProfileAsync(account, ct).ConfigureAwait(false);
            _profiles[account] = profile;
        }
        return new AuthorityRef
        {
            Address = account.ToChecksumHex(),
            Country = profile.Exists ? ChainValues.ToCountry(profile.Country)?.Value ?? "" : "",
            Kind = ChainEnumMapping.AuthorityKindFromChain((byte)profile.Kind),
        };
    }

    private async Task<DateTimeOffset> BlockTimeAsync(ulong block, CancellationToken ct)
    {
        if (!_blockTimes.TryGetValue(block, out var time))
        {
            time = await reader.Chain.GetBlockTimeAsync(block, ct).ConfigureAwait(false);
            _blockTimes[block] = time;
        }
        return time;
    }
}
