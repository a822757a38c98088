using Ledger.Chain.Crypto;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Ledger.Benchmarks;

/// <summary>
/// The signing baseline: what a naive implementation would write — BouncyCastle's plain
/// <see cref="ECDsaSigner"/> with RFC 6979 nonces (<see cref="HMacDsaKCalculator"/>) over the
/// generic secp256k1 curve from <see cref="SecNamedCurves"/>, not BouncyCastle's specialised
/// custom curve. It does less than Ledger.Chain's signer (no low-s normalisation, no recovery
/// id), so the ratio understates what an Ethereum-ready naive signer would cost.
/// </summary>
internal sealed class NaiveBouncyCastleSigner
{
    private readonly ECPrivateKeyParameters _key;

    public NaiveBouncyCastleSigner(PrivateKey key)
    {
        var curve = SecNamedCurves.GetByName("secp256k1");
        if (curve.Curve is not FpCurve)
            throw new InvalidOperationException(
                $"Expected the generic FpCurve from SecNamedCurves, got {curve.Curve.GetType().Name}; the baseline would not be the naive one.");
        _key = new ECPrivateKeyParameters(new BcBigInteger(1, key.ExportBytes()), new ECDomainParameters(curve));
    }

    /// <summary>Signs a 32-byte hash and returns (r, s) as BouncyCastle gives them.</summary>
    public BcBigInteger[] Sign(byte[] hash)
    {
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(forSigning: true, _key);
        return signer.GenerateSignature(hash);
    }
}
