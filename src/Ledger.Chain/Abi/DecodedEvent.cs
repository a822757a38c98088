namespace Ledger.Chain.Abi;

/// <summary>A log decoded by <see cref="ContractAbi.DecodeLog"/>: which event, and its parameters by name or position.</summary>
/// <param name="Event">The event declaration.</param>
/// <param name="Values">All parameters, in declaration order.</param>
public sealed record DecodedEvent(AbiEvent Event, AbiTuple Values);
