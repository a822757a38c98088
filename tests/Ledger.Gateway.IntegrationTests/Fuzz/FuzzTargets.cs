namespace Ledger.Gateway.IntegrationTests.Fuzz;

/// <summary>Things on the ledger that generated requests refer to, so that some get past the input checks.</summary>
/// <param name="PermitIds">IDs of registered permits.</param>
/// <param name="Addresses">Authority accounts, and accounts that are none.</param>
/// <param name="ReusedRequestId">A request ID already used for a write, to exercise "same ID, other content".</param>
public sealed record FuzzTargets(IReadOnlyList<string> PermitIds, IReadOnlyList<string> Addresses, string ReusedRequestId);
