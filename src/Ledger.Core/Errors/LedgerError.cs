namespace Ledger.Core.Errors;

/// <summary>
/// A domain failure: its <see cref="LedgerErrorKind"/>, a message that says what happened
/// and what to do next, and — for rejected input — every problem found, so that an officer
/// can fix them all in one go.
/// </summary>
public sealed class LedgerError
{
    /// <summary>Creates an error; prefer the named factories.</summary>
    /// <param name="kind">The kind of failure.</param>
    /// <param name="message">Officer-actionable text; never contains secrets.</param>
    /// <param name="problems">The individual input problems, if any.</param>
    public LedgerError(LedgerErrorKind kind, string message, IReadOnlyList<ValidationProblem>? problems = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Kind = kind;
        Message = message;
        Problems = problems ?? [];
    }

    /// <summary>The kind of failure.</summary>
    public LedgerErrorKind Kind { get; }

    /// <summary>What happened and what to do next.</summary>
    public string Message { get; }

    /// <summary>Every problem found in the input (empty unless the input was rejected field by field).</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>Malformed input, described by one message.</summary>
    public static LedgerError InvalidArgument(string message) => new(LedgerErrorKind.InvalidArgument, message);

    /// <summary>Malformed input in one named field.</summary>
    public static LedgerError InvalidArgument(string field, string message) =>
        new(LedgerErrorKind.InvalidArgument, $"{field}: {message}", [new ValidationProblem(field, message)]);

    /// <summary>Malformed input with several problems; the message lists them all.</summary>
    /// <exception cref="ArgumentException">When <paramref name="problems"/> is empty.</exception>
    public static LedgerError InvalidArgument(IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
            throw new ArgumentException("An input error needs at least one problem.", nameof(problems));
        var heading = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        return new(LedgerErrorKind.InvalidArgument, $"{heading}: {string.Join("; ", problems)}", problems);
    }

    /// <summary>The caller may not do this.</summary>
    public static LedgerError PermissionDenied(string message) => new(LedgerErrorKind.PermissionDenied, message);

    /// <summary>The ledger's state forbids this.</summary>
    public static LedgerError FailedPrecondition(string message) => new(LedgerErrorKind.FailedPrecondition, message);

    /// <summary>Same identity, different content.</summary>
    public static LedgerError AlreadyExists(string message) => new(LedgerErrorKind.AlreadyExists, message);

    /// <summary>A thing that is not a permit does not exist.</summary>
    public static LedgerError NotFound(string message) => new(LedgerErrorKind.NotFound, message);

    /// <summary>No node reachable; retryable.</summary>
    public static LedgerError Unavailable(string message) => new(LedgerErrorKind.Unavailable, message);

    /// <summary>The same write is still running in an earlier call; retry with the same request ID.</summary>
    public static LedgerError Aborted(string message) => new(LedgerErrorKind.Aborted, message);

    /// <summary>"Kind: message".</summary>
    public override string ToString() => $"{Kind}: {Message}";
}
