using System.Numerics;
using System.Text;
using Nethereum.Signer;
using Nethereum.Util;

namespace Ledger.Network.Keys;

/// <summary>
/// Where a network's keys come from. A devnet derives each key from its public seed and a
/// label (so regenerating gives the same network, and anyone can recompute the keys: devnet
/// only). A real network draws every key at random, and each authority keeps its own.
/// </summary>
public abstract class KeySource
{
    /// <summary>Keys derived from <paramref name="seed"/>: deterministic and public.</summary>
    public static KeySource Seeded(string seed) => new SeededKeySource(seed);

    /// <summary>Keys from the operating system's random generator.</summary>
    public static KeySource Random { get; } = new RandomKeySource();

    /// <summary>True when anyone who knows the seed knows the keys.</summary>
    public abstract bool IsDeterministic { get; }

    /// <summary>The secp256k1 key for <paramref name="label"/> (e.g. "node/ch").</summary>
    public abstract EthECKey Key(string label);

    /// <summary><paramref name="count"/> bytes for <paramref name="label"/> (keystore salts and IVs).</summary>
    public abstract byte[] Bytes(string label, int count);

    private sealed class RandomKeySource : KeySource
    {
        public override bool IsDeterministic => false;

        public override EthECKey Key(string label) => EthECKey.GenerateKey();

        public override byte[] Bytes(string label, int count) => System.Security.Cryptography.RandomNumberGenerator.GetBytes(count);
    }

    private sealed class SeededKeySource(string seed) : KeySource
    {
        // The secp256k1 group order: a private key is a scalar in [1, n-1].
        private static readonly BigInteger Order = BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337");

        public override bool IsDeterministic => true;

        public override EthECKey Key(string label)
        {
            var material = Hash($"key/{label}");
            // A hash outside [1, n-1] has odds of about 2^-128; hash again rather than reduce, so every key is a plain Keccak output.
            while (new BigInteger(material, isUnsigned: true, isBigEndian: true) is var scalar && (scalar.IsZero || scalar >= Order))
                material = Sha3Keccack.Current.CalculateHash(material);
            return new EthECKey(material, true);
        }

        public override byte[] Bytes(string label, int count)
        {
            var output = new byte[count];
            for (var block = 0; block * 32 < count; block++)
            {
                var hash = Hash($"bytes/{label}/{block}");
                hash.AsSpan(0, Math.Min(32, count - block * 32)).CopyTo(output.AsSpan(block * 32));
            }
            return output;
        }

        private byte[] Hash(string text) => Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes($"permit-ledger/devnet/{seed}/{text}"));
    }
}
