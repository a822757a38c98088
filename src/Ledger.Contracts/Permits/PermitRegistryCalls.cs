using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;
using Ledger.Contracts.Binding;

namespace Ledger.Contracts.Permits;

/// <summary>Calldata for every PermitRegistry function, from the embedded ABI.</summary>
internal static class PermitRegistryCalls
{
    private static readonly ContractAbi Abi = LedgerArtifacts.PermitRegistry.Abi;

    public static ContractCall MaxBatch() => new(Abi.GetFunction("MAX_BATCH"));

    public static ContractCall MaxLines() => new(Abi.GetFunction("MAX_LINES"));

    public static ContractCall AuthorityRegistry() => new(Abi.GetFunction("authorityRegistry"));

    public static ContractCall Cancel(Hash32 key, byte reasonCode, Hash32 actorRef) =>
        new(Abi.GetFunction("cancel"), AbiValues.Encode(key), reasonCode, AbiValues.Encode(actorRef));

    public static ContractCall ConfirmArrival(Hash32 key, Hash32 shipmentRef, IReadOnlyList<UInt128> quantities, Hash32 actorRef) =>
        new(Abi.GetFunction("confirmArrival"), AbiValues.Encode(key), AbiValues.Encode(shipmentRef), AbiValues.Encode(quantities), AbiValues.Encode(actorRef));

    public static ContractCall DocumentMatches(Hash32 key, Hash32 documentHash) =>
        new(Abi.GetFunction("documentMatches"), AbiValues.Encode(key), AbiValues.Encode(documentHash));

    public static ContractCall RecordShipment(Hash32 key, Hash32 shipmentRef, IReadOnlyList<UInt128> quantities, Hash32 actorRef) =>
        new(Abi.GetFunction("recordShipment"), AbiValues.Encode(key), AbiValues.Encode(shipmentRef), AbiValues.Encode(quantities), AbiValues.Encode(actorRef));

    // The casts keep each tuple or array one argument: passed bare, an object?[] would become the params array itself.
    public static ContractCall Register(PermitInput permit) => new(Abi.GetFunction("register"), (object)Encode(permit));

    public static ContractCall RegisterBatch(IReadOnlyList<PermitInput> permits)
    {
        ArgumentNullException.ThrowIfNull(permits);
        return new ContractCall(Abi.GetFunction("registerBatch"), (object)permits.Select(Encode).ToArray());
    }

    public static ContractCall Replace(Hash32 oldKey, byte reasonCode, PermitInput newPermit, Hash32 actorRef) =>
        new(Abi.GetFunction("replace"), AbiValues.Encode(oldKey), reasonCode, Encode(newPermit), AbiValues.Encode(actorRef));

    public static ContractCall ShipmentOf(Hash32 key, Hash32 shipmentRef) =>
        new(Abi.GetFunction("shipmentOf"), AbiValues.Encode(key), AbiValues.Encode(shipmentRef));

    public static ContractCall Verify(Hash32 key) => new(Abi.GetFunction("verify"), AbiValues.Encode(key));

    /// <summary>The PermitInput tuple in the struct's field order.</summary>
    private static object?[] Encode(PermitInput permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        return
        [
            AbiValues.Encode(permit.Key),
            AbiValues.Encode(permit.DocumentHash),
            EnumArguments.Require(permit.PermitType, nameof(permit.PermitType)),
            permit.ValidFrom,
            permit.ValidUntil,
            AbiValues.Encode(permit.Destination),
            permit.MaxShipments,
            AbiValues.Encode(permit.PreviousKey),
            AbiValues.Encode(permit.ActorRef),
            AbiValues.Encode(permit.Lines),
        ];
    }
}
