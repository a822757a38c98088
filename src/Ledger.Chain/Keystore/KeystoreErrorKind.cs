namespace Ledger.Chain.Keystore;

/// <summary>Why a keystore could not be read or written.</summary>
public enum KeystoreErrorKind
{
    /// <summary>Not a well-formed Web3 Secret Storage v3 document.</summary>
    Malformed,

    /// <summary>Well-formed, but uses a version, cipher, KDF or PRF this library does not support.</summary>
    Unsupported,

    /// <summary>KDF parameters beyond the bounds that keep decryption fast and memory-safe.</summary>
    ParameterOutOfBounds,

    /// <summary>The MAC does not match: wrong password, or the file was altered.</summary>
    WrongPassword,

    /// <summary>The key decrypted, but its address differs from the file's address field.</summary>
    AddressMismatch,
}
