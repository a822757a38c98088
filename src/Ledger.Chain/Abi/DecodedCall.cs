namespace Ledger.Chain.Abi;

/// <summary>Calldata decoded by <see cref="ContractAbi.DecodeCall"/>: which function, and its arguments.</summary>
/// <param name="Function">The function declaration.</param>
/// <param name="Arguments">The arguments, by name or position.</param>
public sealed record DecodedCall(AbiFunction Function, AbiTuple Arguments);
