using System.Numerics;
using Ledger.Chain.Crypto;

namespace Ledger.Chain.Tests.Crypto;

/// <summary>Seeded random inputs for differential tests, so a failure can be replayed.</summary>
internal static class RandomInputs
{
    public static byte[] Bytes(this Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A random valid private key (rejection-sampled, as keys are).</summary>
    public static PrivateKey PrivateKey(this Random random)
    {
        while (true)
        {
            var candidate = random.Bytes(Chain.Crypto.PrivateKey.Size);
            // Small keys exercise leading-zero handling in every encoder.
            if (random.Next(16) == 0)
                candidate.AsSpan(0, random.Next(1, 31)).Clear();
            try
            {
                return Chain.Crypto.PrivateKey.FromBytes(candidate);
            }
            catch (ArgumentException)
            {
                // zero or ≥ n: draw again
            }
        }
    }

    /// <summary>A non-negative integer below 2^bits, biased towards small and boundary values.</summary>
    public static BigInteger UnsignedInteger(this Random random, int bits) => random.Next(8) switch
    {
        0 => BigInteger.Zero,
        1 => (BigInteger.One << bits) - 1,
        2 => random.Next(0, 256),
        _ => new BigInteger(random.Bytes(bits / 8), isUnsigned: true, isBigEndian: true) >> random.Next(bits),
    };

    public static ulong UInt64(this Random random) => (ulong)random.UnsignedInteger(64);
}
