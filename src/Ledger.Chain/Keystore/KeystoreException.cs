namespace Ledger.Chain.Keystore;

/// <summary>
/// A keystore could not be read or written. Messages name the problem, never key material,
/// derived keys or the password.
/// </summary>
public sealed class KeystoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KeystoreException(KeystoreErrorKind kind, string message)
        : base(message) => Kind = kind;

    /// <summary>What went wrong, for callers that react differently (e.g. ask for the password again).</summary>
    public KeystoreErrorKind Kind { get; }
}
