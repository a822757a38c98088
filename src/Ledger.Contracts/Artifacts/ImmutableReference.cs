namespace Ledger.Contracts;

/// <summary>Where runtime bytecode holds an immutable value that the constructor writes.</summary>
/// <param name="Start">Byte offset in the runtime code.</param>
/// <param name="Length">Length in bytes (32 for a word).</param>
public readonly record struct ImmutableReference(int Start, int Length);
