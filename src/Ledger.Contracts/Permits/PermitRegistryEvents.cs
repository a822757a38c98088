using Ledger.Core.Primitives;
using Ledger.Contracts.Binding;
using Nethereum.RPC.Eth.DTOs;

namespace Ledger.Contracts.Permits;

/// <summary><c>PermitRegistered</c>: a permit was anchored.</summary>
/// <param name="Log">Where it was emitted.</param>
/// <param name="Key">The permit key (indexed).</param>
/// <param name="Issuer">The registering issuer (indexed).</param>
/// <param name="ActorRef">Hash of the official's identity.</param>
/// <param name="DocumentHash">The anchored document hash.</param>
public sealed record PermitRegistered(LogPosition Log, Bytes32 Key, Address Issuer, Bytes32 ActorRef, Bytes32 DocumentHash) : ContractEvent(Log);

/// <summary><c>PermitCancelled</c>: a permit was cancelled.</summary>
/// <param name="Log">Where it was emitted.</param>
/// <param name="Key">The permit key (indexed).</param>
/// <param name="Issuer">The cancelling issuer (indexed).</param>
/// <param name="ActorRef">Hash of the official's identity.</param>
/// <param name="ReasonCode">The issuer's reason code.</param>
public sealed record PermitCancelled(LogPosition Log, Bytes32 Key, Address Issuer, Bytes32 ActorRef, byte ReasonCode) : ContractEvent(Log);

/// <summary><c>PermitReplaced</c>: a permit was cancelled and replaced; the new one has its own <see cref="PermitRegistered"/> in the same transaction.</summary>
/// <param name="Log">Where it was emitted.</param>
/// <param name="OldKey">The replaced permit (indexed).</param>
/// <param name="NewKey">The replacement (indexed).</param>
/// <param name="Issuer">The replacing issuer (indexed).</param>
/// <param name="ActorRef">Hash of the official's identity.</param>
/// <param name="ReasonCode">The issuer's reason code.</param>
public sealed record PermitReplaced(LogPosition Log, Bytes32 OldKey, Bytes32 NewKey, Address Issuer, Bytes32 ActorRef, byte ReasonCode) : ContractEvent(Log);

/// <summary><c>ShipmentRecorded</c>: export-side customs recorded a shipment.</summary>
/// <param name="Log">Where it was emitted.</param>
/// <param name="Key">The permit key (indexed).</param>
/// <param name="ShipmentRef">Hash of the transport document or declaration number (indexed).</param>
/// <param name="Customs">The recording customs authority (indexed).</param>
/// <param name="ActorRef">Hash of the official's identity.</param>
/// <param name="Quantities">Exported amount per line.</param>
public sealed record ShipmentRecorded(LogPosition Log, Bytes32 Key, Bytes32 ShipmentRef, Address Customs, Bytes32 ActorRef, IReadOnlyList<UInt128> Quantities)
    : ContractEvent(Log);

/// <summary><c>ArrivalConfirmed</c>: import-side customs confirmed what arrived (EPIX CONFIRM QUANTITIES).</summary>
/// <param name="Log">Where it was emitted.</param>
/// <param name="Key">The permit key (indexed).</param>
/// <param name="ShipmentRef">Hash of the transport document or declaration number (indexed).</param>
/// <param name="Customs">The confirming customs authority (indexed).</param>
/// <param name="ActorRef">Hash of the official's identity.</param>
/// <param name="Quantities">Arrived amount per line.</param>
/// <param name="Consumed">True when no export record existed, so this confirmation consumed the permit.</param>
public sealed record ArrivalConfirmed(LogPosition Log, Bytes32 Key, Bytes32 ShipmentRef, Address Customs, Bytes32 ActorRef, IReadOnlyList<UInt128> Quantities,
    bool Consumed) : ContractEvent(Log);

/// <summary>Decodes the PermitRegistry's logs and names their topics for log filters.</summary>
public static class PermitRegistryEvents
{
    private static readonly EventTable Table = new(LedgerArtifacts.PermitRegistry, new Dictionary<string, Func<LogPosition, IReadOnlyList<object?>, ContractEvent>>
    {
        [nameof(PermitRegistered)] = (log, v) => new PermitRegistered(log,
            AbiValues.ToBytes32(v[0]), AbiValues.ToAddress(v[1]), AbiValues.ToBytes32(v[2]), AbiValues.ToBytes32(v[3])),
        [nameof(PermitCancelled)] = (log, v) => new PermitCancelled(log,
            AbiValues.ToBytes32(v[0]), AbiValues.ToAddress(v[1]), AbiValues.ToBytes32(v[2]), AbiValues.ToByte(v[3])),
        [nameof(PermitReplaced)] = (log, v) => new PermitReplaced(log,
            AbiValues.ToBytes32(v[0]), AbiValues.ToBytes32(v[1]), AbiValues.ToAddress(v[2]), AbiValues.ToBytes32(v[3]), AbiValues.ToByte(v[4])),
        [nameof(ShipmentRecorded)] = (log, v) => new ShipmentRecorded(log,
            AbiValues.ToBytes32(v[0]), AbiValues.ToBytes32(v[1]), AbiValues.ToAddress(v[2]), AbiValues.ToBytes32(v[3]), AbiValues.ToQuantities(v[4])),
        [nameof(ArrivalConfirmed)] = (log, v) => new ArrivalConfirmed(log,
            AbiValues.ToBytes32(v[0]), AbiValues.ToBytes32(v[1]), AbiValues.ToAddress(v[2]), AbiValues.ToBytes32(v[3]), AbiValues.ToQuantities(v[4]),
            AbiValues.ToBool(v[5])),
    });

    /// <summary>Topic 0 of every PermitRegistry event (a log filter's first position).</summary>
    public static IReadOnlyList<Bytes32> Topics => Table.Topics;

    /// <summary>Topic 0 of one event, by its Solidity name (e.g. <c>nameof(ShipmentRecorded)</c>).</summary>
    /// <exception cref="KeyNotFoundException">The contract has no such event.</exception>
    public static Bytes32 TopicOf(string eventName) => Table.TopicOf(eventName);

    /// <summary>
    /// The event a log holds, or null when it is not a PermitRegistry event (by topic 0 and
    /// topic count; the emitting address is not checked here).
    /// </summary>
    /// <exception cref="FormatException">The log claims to be one of these events but its data does not decode.</exception>
    public static ContractEvent? TryDecode(FilterLog log) => Table.TryDecode(log);

    /// <summary>
    /// The permit an event is about: its first indexed value, which <see cref="EventsOfPermit"/>
    /// matches (the old permit of a replacement); null for an event not about a permit.
    /// </summary>
    public static Bytes32? PermitOf(ContractEvent contractEvent) => contractEvent switch
    {
        PermitRegistered e => e.Key,
        PermitCancelled e => e.Key,
        PermitReplaced e => e.OldKey,
        ShipmentRecorded e => e.Key,
        ArrivalConfirmed e => e.Key,
        _ => null,
    };

    /// <summary>Topics (by position) matching every PermitRegistry event: for eth_getLogs.</summary>
    internal static IReadOnlyList<IReadOnlyList<Bytes32>?> AllEvents => [Topics];

    /// <summary>
    /// Topics matching the events about one permit: every event whose first indexed value is the
    /// key (registration, cancellation, shipments, arrivals, and its replacement by another permit).
    /// </summary>
    internal static IReadOnlyList<IReadOnlyList<Bytes32>?> EventsOfPermit(Bytes32 key) => [Topics, [key]];
}
