using Nethereum.KeyStore;
using Nethereum.KeyStore.Crypto;
using Nethereum.KeyStore.Model;
using Nethereum.Signer;

namespace Ledger.Network.Keys;

/// <summary>
/// Writes authority keys as Web3 Secret Storage (scrypt) keystores, the format the gateway
/// loads. The scrypt parameters are chosen here, not left to Nethereum's defaults (which
/// differ from geth's): geth's standard n=2^18, r=8, p=1 for real networks; n=2^14 for a
/// devnet, whose keys are public anyway and whose gateways restart often.
/// </summary>
public static class KeystoreWriter
{
    /// <summary>geth's "standard" scrypt cost.</summary>
    public static ScryptParams Standard => new() { N = 1 << 18, R = 8, P = 1, Dklen = 32 };

    /// <summary>The devnet's light cost (same format).</summary>
    public static ScryptParams Light => new() { N = 1 << 14, R = 8, P = 1, Dklen = 32 };

    /// <summary>
    /// The keystore JSON of <paramref name="key"/> under <paramref name="password"/>; salt and IV
    /// come from <paramref name="keys"/> under <paramref name="label"/>, so a seeded network
    /// writes the same file every time.
    /// </summary>
    public static string ToJson(EthECKey key, string password, KeySource keys, string label, ScryptParams parameters)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(keys);
        var service = new KeyStoreScryptService(new LabelledRandom(keys, label));
        var keystore = service.EncryptAndGenerateKeyStore(password, key.GetPrivateKeyAsBytes(), key.GetPublicAddress(), parameters);
        // The id is a random UUID in Nethereum; draw it from the same source so a seeded file is reproducible.
        keystore.Id = Uuid(keys.Bytes($"keystore-id/{label}", 16)).ToString();
        return service.SerializeKeyStoreToJson(keystore);
    }

    // A version-4 UUID (RFC 9562) from 16 given bytes: set the version and variant bits.
    private static Guid Uuid(byte[] bytes)
    {
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private sealed class LabelledRandom(KeySource keys, string label) : IRandomBytesGenerator
    {
        public byte[] GenerateRandomInitialisationVector() => keys.Bytes($"keystore-iv/{label}", 16);

        public byte[] GenerateRandomSalt() => keys.Bytes($"keystore-salt/{label}", 32);
    }
}
