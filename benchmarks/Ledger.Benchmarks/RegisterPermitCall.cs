namespace Ledger.Benchmarks;

/// <summary>
/// The fields of a PermitRegistry-like register call, typed as a caller holds them before
/// encoding. Lines are uint96 amounts, so <see cref="UInt128"/> carries them.
/// </summary>
internal sealed record RegisterPermitCall(
    byte[] Key,
    byte[] DocumentHash,
    byte PermitType,
    ulong ValidFrom,
    ulong ValidUntil,
    byte[] Destination,
    UInt128[] Lines,
    ushort MaxShipments,
    byte[] Previous,
    byte[] ActorRef)
{
    /// <summary>The single tuple argument of <see cref="RegisterPermitAbi.Signature"/>, in the shape AbiFunction.EncodeCall takes.</summary>
    public object?[] ToAbiArguments() =>
    [
        new object?[]
        {
            Key, DocumentHash, PermitType, ValidFrom, ValidUntil, Destination, Lines, MaxShipments, Previous, ActorRef,
        },
    ];
}
