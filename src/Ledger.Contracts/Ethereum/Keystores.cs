using System.Text.Json;
using Nethereum.KeyStore;
using Nethereum.KeyStore.Model;
using Nethereum.Signer;

namespace Ledger.Contracts.Ethereum;

/// <summary>
/// Web3 Secret Storage keystores (what geth, cast and MetaMask write) through Nethereum.KeyStore,
/// with the scrypt parameters chosen here rather than Nethereum's defaults (n = 2^18, r = 1,
/// p = 8 there; geth's n = 2^18, r = 8, p = 1 here), and with the file's own parameters
/// bounded before any key derivation, so a crafted keystore cannot make the gateway spend
/// gigabytes or minutes.
/// </summary>
public static class Keystores
{
    /// <summary>Largest scrypt n accepted when reading (geth's standard).</summary>
    public const int MaxN = 1 << 18;

    /// <summary>Largest scrypt memory accepted when reading: 128 · n · r bytes.</summary>
    public const long MaxMemoryBytes = 256L * 1024 * 1024;

    /// <summary>geth's standard scrypt parameters: n = 2^18, r = 8, p = 1 (256 MiB, about a second).</summary>
    public static ScryptParams Standard => Scrypt(MaxN, 8, 1);

    /// <summary>Scrypt parameters with a 32-byte derived key.</summary>
    public static ScryptParams Scrypt(int n, int r, int p) => new() { N = n, R = r, P = p, Dklen = 32 };

    /// <summary>Encrypts <paramref name="key"/> into keystore JSON with <paramref name="scrypt"/> (default <see cref="Standard"/>).</summary>
    public static string Encrypt(EthECKey key, string password, ScryptParams? scrypt = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(password);
        return new KeyStoreScryptService().EncryptAndGenerateKeyStoreAsJson(password, key.GetPrivateKeyAsBytes(), key.GetPublicAddress(), scrypt ?? Standard);
    }

    /// <summary>Decrypts keystore JSON.</summary>
    /// <exception cref="KeystoreException">Malformed, parameters out of bounds, or the wrong password.</exception>
    public static EthECKey Decrypt(string json, string password)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(password);
        RequireBoundedKdf(json);
        try
        {
            return new EthECKey(new KeyStoreService().DecryptKeyStoreFromJson(password, json), true);
        }
        catch (Exception e) when (e is not KeystoreException and not OutOfMemoryException)
        {
            // Nethereum says "cannot derive the same mac" for a wrong password; keep its words out of logs that might echo input.
            throw new KeystoreException("The keystore does not open with this password, or it is damaged.", e);
        }
    }

    /// <summary>Reads and decrypts a keystore file (at most 64 KiB).</summary>
    /// <exception cref="KeystoreException">See <see cref="Decrypt"/>; also for a file that is too large.</exception>
    public static EthECKey DecryptFile(string path, string password)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length > 64 * 1024)
            throw new KeystoreException($"'{path}' is {info.Length} bytes; a keystore is at most 64 KiB.");
        return Decrypt(File.ReadAllText(path), password);
    }

    private static void RequireBoundedKdf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var crypto = document.RootElement.TryGetProperty("crypto", out var lower) ? lower : document.RootElement.GetProperty("Crypto");
            var kdf = crypto.GetProperty("kdf").GetString();
            var parameters = crypto.GetProperty("kdfparams");
            if (kdf == "scrypt")
            {
                long n = parameters.GetProperty("n").GetInt64(), r = parameters.GetProperty("r").GetInt64(), p = parameters.GetProperty("p").GetInt64();
                if (n < 2 || n > MaxN || r < 1 || p < 1 || 128 * n * r > MaxMemoryBytes || n * r * p > (long)MaxN * 8)
                    throw new KeystoreException($"The keystore's scrypt parameters (n = {n}, r = {r}, p = {p}) are out of the accepted bounds.");
            }
            else if (kdf == "pbkdf2")
            {
                if (parameters.GetProperty("c").GetInt64() is < 1 or > 10_000_000)
                    throw new KeystoreException("The keystore's pbkdf2 iteration count is out of the accepted bounds.");
            }
            else
            {
                throw new KeystoreException($"The keystore's key derivation '{kdf}' is not supported (scrypt or pbkdf2).");
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new KeystoreException("The keystore is not Web3 Secret Storage JSON: " + e.Message, e);
        }
    }
}
