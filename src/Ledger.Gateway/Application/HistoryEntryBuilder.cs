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
/// events and remembers the block times and authority profiles it has looked up.
/// </summary>
internal sealed class HistoryEntryBuilder(LedgerReader reader)
{
    private readonly Dictionary<ulong, DateTimeOffset> _blockTimes = [];
    private readonly Dictionary<Address, Ledger.Contracts.Authorities.AuthorityProfile> _profiles = [];
    private readonly Dictionary<Bytes32, OnChainPermit> _permits = [];

    /// <summary>
    /// The entry for <paramref name="contractEvent"/> with the permit's issuing and destination
    /// countries at the event's block (for filtering watchers), or null for an event that is
    /// not about a permit.
    /// </summary>
    public async Task<PermitEvent?> BuildEventAsync(ContractEvent contractEvent, CancellationToken ct)
    {
        if (Describe(contractEvent) is not { } about || await BuildAsync(contractEvent, ct).ConfigureAwait(false) is not { } entry)
            return null;
        var key = new PermitKey(about.Key);
        var snapshot = await reader.ReadPermitAtAsync(key, contractEvent.Log.BlockNumber, ct).ConfigureAwait(false);
        return new PermitEvent
        {
            PermitKey = key.ToString(),
            IssuingCountry = snapshot.Permit.IssuerCountry?.Value ?? "",
            DestinationCountry = snapshot.Permit.Destination?.Value ?? "",
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
        if (!_permits.TryGetValue(registered.Key, out var permit))
        {
            permit = (await reader.ReadPermitAsync(new PermitKey(registered.Key), ct).ConfigureAwait(false)).Permit;
            _permits[registered.Key] = permit;
        }
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
