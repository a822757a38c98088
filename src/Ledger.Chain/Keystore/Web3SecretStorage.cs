using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Keystore;

/// <summary>
/// Web3 Secret Storage v3 keystores (the files geth, cast and wallets write): the private key
/// encrypted with AES-128-CTR under a key derived from a password by scrypt or PBKDF2, and a
/// MAC, keccak256(derivedKey[16..32] || ciphertext), checked before anything is decrypted.
/// </summary>
public static class Web3SecretStorage
{
    /// <summary>Largest keystore document read; real ones are under 1 KiB.</summary>
    public const int MaxDocumentLength = 64 * 1024;

    private const string Cipher = "aes-128-ctr";
    private const int DerivedKeyLength = 32;
    private const int MaxDerivedKeyLength = 64;
    private const int SaltLength = 32;
    private const int MaxSaltLength = 1024;
    private const int MacOffset = 16;

    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        // Some older wallets write "Crypto"; geth matches field names case-insensitively too.
        PropertyNameCaseInsensitive = true,
        MaxDepth = 8,
    };

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Encrypts <paramref name="key"/> under <paramref name="password"/> and returns the
    /// keystore JSON, with a fresh random salt, IV and UUID and the lower-case address.
    /// <paramref name="kdf"/> defaults to <see cref="ScryptParameters.Standard"/>.
    /// </summary>
    public static string Encrypt(PrivateKey key, string password, KdfParameters? kdf = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(password);
        kdf ??= ScryptParameters.Standard;
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var iv = RandomNumberGenerator.GetBytes(AesCtr.IvSize);
        var derivedKey = Derive(kdf, password, salt, DerivedKeyLength);
        var keyBytes = key.ExportBytes();
        try
        {
            var ciphertext = AesCtr.Transform(derivedKey.AsSpan(0, AesCtr.KeySize), iv, keyBytes);
            var document = new KeystoreDocument
            {
                Address = Hex.Encode(key.Address.Bytes, prefix: false),
                Crypto = new KeystoreDocument.CryptoSection
                {
                    Cipher = Cipher,
                    Ciphertext = Hex.Encode(ciphertext, prefix: false),
                    CipherParams = new KeystoreDocument.CipherParamsSection { Iv = Hex.Encode(iv, prefix: false) },
                    Kdf = kdf.Name,
                    KdfParams = ToKdfParams(kdf, salt),
                    Mac = Hex.Encode(Mac(derivedKey, ciphertext), prefix: false),
                },
                Id = Guid.NewGuid().ToString(),
                Version = 3,
            };
            return JsonSerializer.Serialize(document, WriteOptions);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derivedKey);
            CryptographicOperations.ZeroMemory(keyBytes);
        }
    }

    /// <summary>
    /// Decrypts a keystore document. Throws <see cref="KeystoreException"/> whose
    /// <see cref="KeystoreException.Kind"/> says why: malformed, unsupported, parameters out of
    /// bounds (checked before any derivation), wrong password, or address mismatch.
    /// </summary>
    public static PrivateKey Decrypt(string json, string password)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(password);
        if (json.Length > MaxDocumentLength)
            throw Malformed($"A keystore is at most {MaxDocumentLength} characters; this one has {json.Length}.");
        var document = Parse(json);
        if (document.Version != 3)
            throw new KeystoreException(KeystoreErrorKind.Unsupported,
                $"Only version 3 keystores are supported; this one is version {document.Version?.ToString() ?? "(missing)"}.");
        var crypto = document.Crypto ?? throw Malformed("The keystore has no \"crypto\" section.");
        if (!string.Equals(crypto.Cipher, Cipher, StringComparison.Ordinal))
            throw new KeystoreException(KeystoreErrorKind.Unsupported, $"Only the {Cipher} cipher is supported.");
        var iv = ReadHex(crypto.CipherParams?.Iv, "cipherparams.iv", AesCtr.IvSize, AesCtr.IvSize);
        // geth once wrote keys with leading zero bytes dropped, so 30- and 31-byte ciphertexts exist.
        var ciphertext = ReadHex(crypto.Ciphertext, "ciphertext", 1, PrivateKey.Size);
        var mac = ReadHex(crypto.Mac, "mac", Keccak256.Size, Keccak256.Size);
        var (kdf, salt, derivedKeyLength) = ReadKdf(crypto);
        Address? statedAddress = document.Address is null
            ? null
            : new Address(ReadHex(document.Address, "address", Address.Size, Address.Size));

        var derivedKey = Derive(kdf, password, salt, derivedKeyLength);
        byte[]? plaintext = null;
        var keyBytes = new byte[PrivateKey.Size];
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(Mac(derivedKey, ciphertext), mac))
                throw new KeystoreException(KeystoreErrorKind.WrongPassword,
                    "The password is wrong, or the keystore was altered (MAC mismatch).");
            plaintext = AesCtr.Transform(derivedKey.AsSpan(0, AesCtr.KeySize), iv, ciphertext);
            plaintext.CopyTo(keyBytes, PrivateKey.Size - plaintext.Length);
            var key = ToPrivateKey(keyBytes);
            if (statedAddress is { } stated && stated != key.Address)
            {
                var actual = key.Address;
                key.Dispose();
                throw new KeystoreException(KeystoreErrorKind.AddressMismatch,
                    $"The keystore decrypts to address {actual}, not to {stated} as its address field states.");
            }
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derivedKey);
            CryptographicOperations.ZeroMemory(keyBytes);
            if (plaintext is not null)
                CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Reads and decrypts a keystore file, refusing files over <see cref="MaxDocumentLength"/> bytes.</summary>
    public static PrivateKey DecryptFile(string path, string password)
    {
        ArgumentNullException.ThrowIfNull(path);
        var length = new FileInfo(path).Length;
        if (length > MaxDocumentLength)
            throw Malformed($"A keystore is at most {MaxDocumentLength} bytes; {path} has {length}.");
        return Decrypt(File.ReadAllText(path, Encoding.UTF8), password);
    }

    private static KeystoreDocument Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<KeystoreDocument>(json, ReadOptions)
                ?? throw Malformed("The keystore is JSON null.");
        }
        catch (JsonException error)
        {
            // The path names the field; the message could quote the document, so it is left out.
            throw Malformed($"The keystore is not valid v3 JSON (at {error.Path ?? "the top level"}).");
        }
    }

    private static (KdfParameters Kdf, byte[] Salt, int DerivedKeyLength) ReadKdf(KeystoreDocument.CryptoSection crypto)
    {
        var parameters = crypto.KdfParams ?? throw Malformed("The keystore has no \"kdfparams\".");
        var dkLen = parameters.DkLen ?? throw Malformed("kdfparams.dklen is missing.");
        if (dkLen < DerivedKeyLength || dkLen > MaxDerivedKeyLength)
            throw Malformed($"kdfparams.dklen must be from {DerivedKeyLength} to {MaxDerivedKeyLength}, got {dkLen}.");
        var salt = ReadHex(parameters.Salt, "kdfparams.salt", 1, MaxSaltLength);
        KdfParameters kdf = crypto.Kdf switch
        {
            "scrypt" => new ScryptParameters(
                parameters.N ?? throw Malformed("kdfparams.n is missing."),
                parameters.R ?? throw Malformed("kdfparams.r is missing."),
                parameters.P ?? throw Malformed("kdfparams.p is missing.")),
            "pbkdf2" => parameters.Prf == Pbkdf2Parameters.Prf
                ? new Pbkdf2Parameters(parameters.C ?? throw Malformed("kdfparams.c is missing."))
                : throw new KeystoreException(KeystoreErrorKind.Unsupported, $"Only the {Pbkdf2Parameters.Prf} PRF is supported for pbkdf2."),
            _ => throw new KeystoreException(KeystoreErrorKind.Unsupported, "Only the scrypt and pbkdf2 KDFs are supported."),
        };
        return (kdf, salt, dkLen);
    }

    private static KeystoreDocument.KdfParamsSection ToKdfParams(KdfParameters kdf, byte[] salt)
    {
        var section = new KeystoreDocument.KdfParamsSection { DkLen = DerivedKeyLength, Salt = Hex.Encode(salt, prefix: false) };
        kdf.WriteTo(section);
        return section;
    }

    private static byte[] Derive(KdfParameters kdf, string password, byte[] salt, int length)
    {
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            return kdf.DeriveKey(passwordBytes, salt, length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    /// <summary>keccak256(derivedKey[16..32] || ciphertext).</summary>
    private static byte[] Mac(byte[] derivedKey, byte[] ciphertext)
    {
        var body = new byte[MacOffset + ciphertext.Length];
        derivedKey.AsSpan(MacOffset, MacOffset).CopyTo(body);
        ciphertext.CopyTo(body, MacOffset);
        var mac = Keccak256.Hash(body);
        CryptographicOperations.ZeroMemory(body);
        return mac;
    }

    private static PrivateKey ToPrivateKey(byte[] keyBytes)
    {
        try
        {
            return PrivateKey.FromBytes(keyBytes);
        }
        catch (ArgumentException)
        {
            throw Malformed("The decrypted key is not a valid secp256k1 private key.");
        }
    }

    private static byte[] ReadHex(string? text, string field, int minLength, int maxLength)
    {
        if (text is null)
            throw Malformed($"{field} is missing.");
        if (text.Length > 2 + 2 * maxLength)
            throw Malformed($"{field} is longer than {maxLength} bytes.");
        byte[] bytes;
        try
        {
            bytes = Hex.Decode(text);
        }
        catch (FormatException error)
        {
            throw Malformed($"{field}: {error.Message}");
        }
        if (bytes.Length < minLength || bytes.Length > maxLength)
            throw Malformed(minLength == maxLength
                ? $"{field} must be {minLength} bytes, got {bytes.Length}."
                : $"{field} must be {minLength} to {maxLength} bytes, got {bytes.Length}.");
        return bytes;
    }

    private static KeystoreException Malformed(string message) => new(KeystoreErrorKind.Malformed, message);
}
