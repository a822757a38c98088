using Ledger.Contracts.Ethereum;

namespace Ledger.Contracts;

/// <summary>A successful transaction and the value its function returned, read from the events it emitted.</summary>
/// <typeparam name="T">The returned value's type.</typeparam>
/// <param name="Outcome">The mined transaction and its receipt.</param>
/// <param name="Value">The function's return value (e.g. a proposal id, or whether a shipment was recorded now).</param>
public sealed record TransactionResult<T>(TransactionOutcome Outcome, T Value);
