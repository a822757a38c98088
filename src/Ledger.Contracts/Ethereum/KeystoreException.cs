namespace Ledger.Contracts.Ethereum;

/// <summary>A keystore could not be read: malformed, unsupported parameters, or the wrong password. The message never holds the password or key.</summary>
public sealed class KeystoreException(string message, Exception? innerException = null) : Exception(message, innerException);
