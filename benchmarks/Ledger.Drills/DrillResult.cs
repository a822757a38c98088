namespace Ledger.Drills;

/// <summary>What one drill found, counted from the chain (events and views), not from the gateways' answers.</summary>
/// <param name="Name">The drill, e.g. "redis killed under load".</param>
/// <param name="Attempted">Writes the clients attempted.</param>
/// <param name="Lost">Writes a client was told succeeded, or that should have succeeded after retries, that are absent on chain (goal 0).</param>
/// <param name="Doubled">Writes that landed more than once, e.g. two shipments for one request (goal 0).</param>
/// <param name="Took">Wall time of the drill, its devnet's start included.</param>
/// <param name="Notes">How the fault was made and what the clients saw (outcomes, retries), for the report.</param>
public sealed record DrillResult(string Name, int Attempted, int Lost, int Doubled, TimeSpan Took, string Notes);
