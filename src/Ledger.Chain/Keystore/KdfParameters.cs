namespace Ledger.Chain.Keystore;

/// <summary>
/// A password-based key derivation function and its cost, as stored in a keystore's
/// "kdf" and "kdfparams". Limits are checked on construction, so a hostile keystore cannot
/// make the reader spend minutes or gigabytes before the password is even checked.
/// </summary>
public abstract class KdfParameters
{
    private protected KdfParameters()
    {
    }

    /// <summary>The "kdf" name written in the file.</summary>
    public abstract string Name { get; }

    /// <summary>Derives <paramref name="length"/> bytes from the password and salt.</summary>
    internal abstract byte[] DeriveKey(byte[] password, byte[] salt, int length);

    /// <summary>Fills in this KDF's fields of the file's "kdfparams".</summary>
    internal abstract void WriteTo(KeystoreDocument.KdfParamsSection section);

    /// <summary>Throws the bounds error shared by every KDF.</summary>
    private protected static KeystoreException OutOfBounds(string message) =>
        new(KeystoreErrorKind.ParameterOutOfBounds, message);
}
