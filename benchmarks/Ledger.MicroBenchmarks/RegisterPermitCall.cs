using System.Numerics;
using Ledger.Contracts.Generated.PermitRegistry.ContractDefinition;
using Nethereum.Contracts;

namespace Ledger.MicroBenchmarks;

/// <summary>The arguments of <c>register(PermitInput)</c>, in the struct's field order.</summary>
internal sealed record RegisterPermitCall(
    byte[] Key,
    byte[] DocumentHash,
    byte PermitType,
    ulong ValidFrom,
    ulong ValidUntil,
    byte[] Destination,
    ushort MaxShipments,
    byte[] Previous,
    byte[] ActorRef,
    UInt128[] Lines)
{
    /// <summary>The generated Nethereum message for this call.</summary>
    public RegisterFunction ToMessage() => new()
    {
        Permit = new PermitInput
        {
            Key = Key, DocumentHash = DocumentHash, PermitType = PermitType, ValidFrom = ValidFrom, ValidUntil = ValidUntil,
            Destination = Destination, MaxShipments = MaxShipments, PreviousKey = Previous, ActorRef = ActorRef,
            Lines = Lines.Select(line => (BigInteger)line).ToList(),
        },
    };

    /// <summary>The function selector, as Nethereum computes it from the message's attributes.</summary>
    public static byte[] Selector() => Convert.FromHexString(ABITypedRegistry.GetFunctionABI<RegisterFunction>().Sha3Signature);
}
