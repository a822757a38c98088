using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Ledger.Network.Tls;

/// <summary>
/// NIST P-256 keys from fixed bytes, and an X.509 signature generator that signs with RFC 6979
/// deterministic nonces. Together they make a devnet's certificates reproducible byte for byte
/// (the operating system's ECDSA draws a random nonce, so its signatures differ every time).
/// </summary>
internal static class DeterministicP256
{
    private static readonly X9ECParameters Curve = ECNamedCurveTable.GetByName("secp256r1");

    /// <summary>A P-256 key whose private scalar is <paramref name="material"/> (32 bytes; hashed again while outside [1, n-1]).</summary>
    public static ECDsa KeyFrom(byte[] material)
    {
        ArgumentNullException.ThrowIfNull(material);
        var order = new BigInteger(Curve.N.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);
        while (new BigInteger(material, isUnsigned: true, isBigEndian: true) is var scalar && (scalar.IsZero || scalar >= order))
            material = SHA256.HashData(material);
        var point = Curve.G.Multiply(new BcBigInteger(1, material)).Normalize();
        return ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = material,
            Q = new ECPoint
            {
                X = point.AffineXCoord.GetEncoded(),
                Y = point.AffineYCoord.GetEncoded(),
            },
        });
    }

    /// <summary>Signs certificates with <paramref name="key"/> (ECDSA with SHA-256, RFC 6979 nonce).</summary>
    public static X509SignatureGenerator SignatureGenerator(ECDsa key) => new Rfc6979SignatureGenerator(key);

    private sealed class Rfc6979SignatureGenerator(ECDsa key) : X509SignatureGenerator
    {
        private readonly X509SignatureGenerator _standard = CreateForECDsa(key);

        public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) =>
            _standard.GetSignatureAlgorithmIdentifier(Sha256Only(hashAlgorithm));

        public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm)
        {
            Sha256Only(hashAlgorithm);
            var scalar = new BcBigInteger(1, key.ExportParameters(includePrivateParameters: true).D!);
            var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
            signer.Init(true, new ECPrivateKeyParameters(scalar, new ECDomainParameters(Curve)));
            var rs = signer.GenerateSignature(SHA256.HashData(data));
            // X.509 carries ECDSA signatures as DER SEQUENCE { r INTEGER, s INTEGER }.
            var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteInteger(rs[0].ToByteArray());
                writer.WriteInteger(rs[1].ToByteArray());
            }
            return writer.Encode();
        }

        protected override PublicKey BuildPublicKey() => _standard.PublicKey;

        private static HashAlgorithmName Sha256Only(HashAlgorithmName hashAlgorithm) =>
            hashAlgorithm == HashAlgorithmName.SHA256 ? hashAlgorithm
                : throw new NotSupportedException($"Devnet certificates are signed with SHA-256 only, not {hashAlgorithm.Name}.");
    }
}
