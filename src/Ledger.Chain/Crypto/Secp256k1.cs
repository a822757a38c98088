using Ledger.Chain.Primitives;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Utilities;

namespace Ledger.Chain.Crypto;

/// <summary>
/// ECDSA over secp256k1 as Ethereum uses it: deterministic nonces (RFC 6979, HMAC-SHA256),
/// low-s signatures (EIP-2) and public-key recovery from (hash, r, s, recovery id).
/// </summary>
public static class Secp256k1
{
    /// <summary>Size of the hash that is signed.</summary>
    public const int HashSize = 32;

    /// <summary>
    /// Signs a 32-byte hash. The result is deterministic for a given key and hash, low-s, and
    /// carries the recovery id (flipped when s is normalised, because n - s pairs with -R).
    /// </summary>
    public static Signature Sign(ReadOnlySpan<byte> hash, PrivateKey key)
    {
        RequireHash(hash);
        ArgumentNullException.ThrowIfNull(key);
        var d = key.Scalar;
        var n = Secp256k1Curve.N;
        var e = Secp256k1Curve.ToScalar(hash);
        var nonces = new HMacDsaKCalculator(new Sha256Digest());
        nonces.Init(n, d, hash.ToArray());
        while (true)
        {
            var k = nonces.NextK();
            var point = Secp256k1Curve.BaseMultiplier.Multiply(Secp256k1Curve.G, k).Normalize();
            var x = point.AffineXCoord.ToBigInteger();
            // When R.x >= n the recovery id would need its "x overflowed" bit, which Ethereum's
            // v cannot carry (probability ~2^-128); the next RFC 6979 nonce avoids it, as for r = 0.
            if (x.CompareTo(n) >= 0 || x.SignValue == 0)
                continue;
            var s = BigIntegers.ModOddInverse(n, k).Multiply(e.Add(d.Multiply(x))).Mod(n);
            if (s.SignValue == 0)
                continue;
            var recoveryId = (byte)(point.AffineYCoord.TestBitZero() ? 1 : 0);
            if (s.CompareTo(Secp256k1Curve.HalfN) > 0)
            {
                s = n.Subtract(s);
                recoveryId ^= 1;
            }
            return new Signature(Secp256k1Curve.ToBytes32(x), Secp256k1Curve.ToBytes32(s), recoveryId);
        }
    }

    /// <summary>
    /// Recovers the public key that produced <paramref name="signature"/> over
    /// <paramref name="hash"/>. High-s signatures are rejected, as Ethereum rejects them
    /// (EIP-2); use <see cref="Signature.ToLowS"/> first to accept them deliberately.
    /// A tampered signature recovers some other key, so compare the result with the signer
    /// you expect.
    /// </summary>
    public static PublicKey Recover(ReadOnlySpan<byte> hash, Signature signature)
    {
        RequireHash(hash);
        ArgumentNullException.ThrowIfNull(signature);
        if (!signature.IsLowS)
            throw new ArgumentException(
                "The signature has a high s value (s > n/2); Ethereum accepts only low-s signatures (EIP-2).",
                nameof(signature));

        Span<byte> compressedR = stackalloc byte[1 + Secp256k1Curve.ScalarSize];
        compressedR[0] = (byte)(0x02 | signature.RecoveryId);
        signature.R.CopyTo(compressedR[1..]);
        ECPoint rPoint;
        try
        {
            rPoint = Secp256k1Curve.Curve.DecodePoint(compressedR);
        }
        catch (ArgumentException)
        {
            throw new ArgumentException("The signature's r is not the x coordinate of a curve point.", nameof(signature));
        }

        // Q = r^-1 (s·R - e·G)
        var n = Secp256k1Curve.N;
        var r = Secp256k1Curve.ToScalar(signature.R);
        var rInverse = BigIntegers.ModOddInverse(n, r);
        var e = Secp256k1Curve.ToScalar(hash);
        var generatorFactor = e.Negate().Multiply(rInverse).Mod(n);
        var rFactor = Secp256k1Curve.ToScalar(signature.S).Multiply(rInverse).Mod(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(Secp256k1Curve.G, generatorFactor, rPoint, rFactor);
        if (q.IsInfinity)
            throw new ArgumentException("The signature recovers no public key.", nameof(signature));
        return PublicKey.FromPoint(q);
    }

    /// <summary>Recovers the signer's address; see <see cref="Recover"/>.</summary>
    public static Address RecoverAddress(ReadOnlySpan<byte> hash, Signature signature) =>
        Recover(hash, signature).Address;

    private static void RequireHash(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != HashSize)
            throw new ArgumentException($"ECDSA here signs a {HashSize}-byte hash, got {hash.Length} bytes.", nameof(hash));
    }
}
