namespace Ledger.Drills;

/// <summary>How to run the drills.</summary>
/// <param name="Quick">Smaller counts (a smoke run for CI, well under a minute of drilling); false for the full counts of issue 13.</param>
/// <param name="WorkDirectory">Where each drill's devnet keeps its state (checkpoints, anvil's state file); created if missing.</param>
public sealed record DrillOptions(bool Quick, string WorkDirectory);
