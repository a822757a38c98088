namespace Ledger.Core.Errors;

/// <summary>
/// Carries a <see cref="LedgerError"/> through code that throws, e.g. the <c>Parse</c>
/// methods. The exception message is the error's message, which never contains secrets.
/// </summary>
public sealed class LedgerException : Exception
{
    /// <summary>Wraps <paramref name="error"/>.</summary>
    public LedgerException(LedgerError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Message)
    {
        Error = error;
    }

    /// <summary>The domain error.</summary>
    public LedgerError Error { get; }

    /// <summary>Shorthand for the error's kind.</summary>
    public LedgerErrorKind Kind => Error.Kind;

    /// <summary>An invalid-argument exception naming the offending <paramref name="field"/>.</summary>
    internal static LedgerException InvalidArgument(string field, string message) =>
        new(LedgerError.InvalidArgument(field, message));
}
