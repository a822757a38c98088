using Ledger.Contracts.Binding;
using Ledger.Contracts.Generated.PermitRegistry.ContractDefinition;
using Ledger.Core.Primitives;
using PermitInputMessage = Ledger.Contracts.Generated.PermitRegistry.ContractDefinition.PermitInput;

namespace Ledger.Contracts.Permits;

/// <summary>Calldata for every PermitRegistry function, through the generated Nethereum messages.</summary>
internal static class PermitRegistryCalls
{
    public static ContractCall MaxBatch() => ContractCall.Of(new MaxBatchFunction());

    public static ContractCall MaxLines() => ContractCall.Of(new MaxLinesFunction());

    public static ContractCall MaxVerifyBatch() => ContractCall.Of(new MaxVerifyBatchFunction());

    public static ContractCall AuthorityRegistry() => ContractCall.Of(new AuthorityRegistryFunction());

    public static ContractCall Cancel(Bytes32 key, byte reasonCode, Bytes32 actorRef) => ContractCall.Of(new CancelFunction
    {
        Key = AbiValues.Encode(key), ReasonCode = reasonCode, ActorRef = AbiValues.Encode(actorRef),
    });

    public static ContractCall ConfirmArrival(Bytes32 key, Bytes32 shipmentRef, IReadOnlyList<UInt128> quantities, Bytes32 actorRef) =>
        ContractCall.Of(new ConfirmArrivalFunction
        {
            Key = AbiValues.Encode(key), ShipmentRef = AbiValues.Encode(shipmentRef), Quantities = AbiValues.Encode(quantities), ActorRef = AbiValues.Encode(actorRef),
        });

    public static ContractCall DocumentMatches(Bytes32 key, Bytes32 documentHash) =>
        ContractCall.Of(new DocumentMatchesFunction { Key = AbiValues.Encode(key), DocumentHash = AbiValues.Encode(documentHash) });

    public static ContractCall RecordShipment(Bytes32 key, Bytes32 shipmentRef, IReadOnlyList<UInt128> quantities, Bytes32 actorRef) =>
        ContractCall.Of(new RecordShipmentFunction
        {
            Key = AbiValues.Encode(key), ShipmentRef = AbiValues.Encode(shipmentRef), Quantities = AbiValues.Encode(quantities), ActorRef = AbiValues.Encode(actorRef),
        });

    public static ContractCall Register(PermitInput permit) => ContractCall.Of(new RegisterFunction { Permit = Encode(permit) });

    public static ContractCall RegisterBatch(IReadOnlyList<PermitInput> permits)
    {
        ArgumentNullException.ThrowIfNull(permits);
        return ContractCall.Of(new RegisterBatchFunction { Permits = permits.Select(Encode).ToList() });
    }

    public static ContractCall Replace(Bytes32 oldKey, byte reasonCode, PermitInput newPermit, Bytes32 actorRef) => ContractCall.Of(new ReplaceFunction
    {
        OldKey = AbiValues.Encode(oldKey), ReasonCode = reasonCode, NewPermit = Encode(newPermit), ActorRef = AbiValues.Encode(actorRef),
    });

    public static ContractCall ShipmentOf(Bytes32 key, Bytes32 shipmentRef) =>
        ContractCall.Of(new ShipmentOfFunction { Key = AbiValues.Encode(key), ShipmentRef = AbiValues.Encode(shipmentRef) });

    public static ContractCall Verify(Bytes32 key) => ContractCall.Of(new VerifyFunction { Key = AbiValues.Encode(key) });

    public static ContractCall VerifyAtHead(Bytes32 key) => ContractCall.Of(new VerifyAtHeadFunction { Key = AbiValues.Encode(key) });

    // Written by hand (VerificationAbi): it is on every uncached verification's path.
    public static ContractCall VerifyManyAtHead(IReadOnlyList<Bytes32> keys) =>
        ContractCall.OfEncoded(VerificationAbi.VerifyManyAtHeadSignature, VerificationAbi.EncodeVerifyManyAtHead(keys));

    /// <summary>The PermitInput struct as Nethereum's tuple message.</summary>
    private static PermitInputMessage Encode(PermitInput permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        return new PermitInputMessage
        {
            Key = AbiValues.Encode(permit.Key),
            DocumentHash = AbiValues.Encode(permit.DocumentHash),
            PermitType = (byte)EnumArguments.Require(permit.PermitType, nameof(permit.PermitType)),
            ValidFrom = permit.ValidFrom,
            ValidUntil = permit.ValidUntil,
            Destination = AbiValues.Encode(permit.Destination),
            MaxShipments = permit.MaxShipments,
            PreviousKey = AbiValues.Encode(permit.PreviousKey),
            ActorRef = AbiValues.Encode(permit.ActorRef),
            Lines = AbiValues.Encode(permit.Lines),
        };
    }
}
