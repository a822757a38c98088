using System.Globalization;
using System.Numerics;
using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Chain.Logs;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
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
    private readonly Dictionary<Address, AuthorityProfile> _profiles = [];

    /// <summary>
    /// The entry for <paramref name="log"/> with the permit's issuing and destination
    /// countries at the event's block (for filtering watchers), or null for an event that is
    /// not about a permit.
    /// </summary>
    public async Task<PermitEvent?> BuildEventAsync(DecodedLog log, CancellationToken ct)
    {
        if (await BuildAsync(log, ct).ConfigureAwait(false) is not { } entry)
            return null;
        var key = new PermitKey(new Bytes32(log.Log.Topics[1].Bytes));
        var snapshot = await reader.ReadPermitAtAsync(key, log.Log.BlockNumber, ct).ConfigureAwait(false);
        return new PermitEvent
        {
            PermitKey = key.ToString(),
            IssuingCountry = snapshot.Permit.IssuerCountry?.Value ?? "",
            DestinationCountry = snapshot.Permit.Destination?.Value ?? "",
            Entry = entry,
        };
    }

    /// <summary>The entry for <paramref name="log"/>, or null for an event that is not about a permit.</summary>
    public async Task<PermitHistoryEntry?> BuildAsync(DecodedLog log, CancellationToken ct)
    {
        var values = log.Event.Values;
        var kind = log.Event.Event.Name switch
        {
            "PermitRegistered" => PermitEventKind.Registered,
            "PermitCancelled" => PermitEventKind.Cancelled,
            "PermitReplaced" => PermitEventKind.Replaced,
            "ShipmentRecorded" => PermitEventKind.ShipmentRecorded,
            "ArrivalConfirmed" => PermitEventKind.ArrivalConfirmed,
            _ => PermitEventKind.Unspecified,
        };
        if (kind == PermitEventKind.Unspecified)
            return null;
        var actor = (Address)(values.TryGet("issuer", out var issuer) ? issuer : values["customs"])!;
        var entry = new PermitHistoryEntry
        {
            Kind = kind,
            Actor = await ActorAsync(actor, ct).ConfigureAwait(false),
            ActorRef = Hex.Encode((byte[])values["actorRef"]!),
            BlockNumber = log.Log.BlockNumber,
            BlockTime = Timestamp.FromDateTimeOffset(await BlockTimeAsync(log.Log.BlockNumber, ct).ConfigureAwait(false)),
            TxHash = log.Log.TransactionHash.ToString(),
            LogIndex = (uint)log.Log.LogIndex,
        };
        switch (kind)
        {
            case PermitEventKind.Registered:
                entry.Registration = new RegistrationDetails { DocumentHash = Hex.Encode((byte[])values["documentHash"]!) };
                break;
            case PermitEventKind.Cancelled:
                entry.Cancellation = new CancellationDetails { Reason = Reason(values["reasonCode"]) };
                break;
            case PermitEventKind.Replaced:
                entry.Cancellation = new CancellationDetails
                {
                    Reason = Reason(values["reasonCode"]),
                    ReplacementPermitKey = Hex.Encode((byte[])values["newKey"]!),
                };
                break;
            default:
                entry.Shipment = new ShipmentDetails
                {
                    ShipmentRefHash = Hex.Encode((byte[])values["shipmentRef"]!),
                    ConsumedPermit = kind == PermitEventKind.ShipmentRecorded || (bool)values["consumed"]!,
                };
                entry.Shipment.Quantities.AddRange(((IReadOnlyList<object?>)values["quantities"]!)
                    .Select(q => ((BigInteger)q!).ToString(CultureInfo.InvariantCulture)));
                break;
        }
        return entry;
    }

    private static Ledger.Api.V1.CancelReason Reason(object? code) => ChainEnumMapping.CancelReasonFromChain((byte)ChainValues.ToUInt64(code));

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
            Country = profile.Country?.Value ?? "",
            Kind = ChainEnumMapping.AuthorityKindFromChain((byte)profile.Kind),
        };
    }

    private async Task<DateTimeOffset> BlockTimeAsync(ulong block, CancellationToken ct)
    {
        if (!_blockTimes.TryGetValue(block, out var time))
        {
            var header = await reader.Chain.Rpc.GetBlockHeaderAsync(block, ct).ConfigureAwait(false);
            time = header?.TimestampUtc ?? DateTimeOffset.UnixEpoch;
            _blockTimes[block] = time;
        }
        return time;
    }
}
