namespace Ledger.Cli.Conformance;

/// <summary>One check of the conformance run: a name an onboarding reviewer reads, and what it does.</summary>
/// <param name="Name">What the check proves, e.g. "a second use of a single-use permit is FAILED_PRECONDITION".</param>
/// <param name="Run">Throws <see cref="ConformanceFailure"/> (or any exception) when the gateway does not conform; returns a note, or null.</param>
public sealed record ConformanceCheck(string Name, Func<ConformanceContext, CancellationToken, Task<string?>> Run);

/// <summary>A gateway answered other than the network's contract says.</summary>
public sealed class ConformanceFailure(string message) : Exception(message);

/// <summary>A check that does not apply to this gateway (e.g. TLS checks on a plain devnet gateway).</summary>
public sealed class ConformanceSkip(string reason) : Exception(reason);

/// <summary>How one check ended.</summary>
public enum ConformanceOutcome
{
    /// <summary>The gateway behaved as required.</summary>
    Passed,

    /// <summary>It did not.</summary>
    Failed,

    /// <summary>The check does not apply here.</summary>
    Skipped,
}

/// <summary>The result of one check.</summary>
/// <param name="Name">The check.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Detail">What was seen (for a failure: what was expected and what came).</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record ConformanceResult(string Name, ConformanceOutcome Outcome, string? Detail, TimeSpan Elapsed);
