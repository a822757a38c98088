using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;
using Ledger.Chain.Transactions;
using Org.BouncyCastle.Utilities;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Ledger.Benchmarks;

/// <summary>
/// secp256k1 signing, transaction signing and signer recovery. Each category has its own
/// baseline: signing against a naive BouncyCastle signer, a whole transaction against
/// signing its hash alone, recovery against signing.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SigningBenchmarks
{
    public const string SignHashCategory = "Sign a 32-byte hash";
    public const string SignTransactionCategory = "Sign an EIP-1559 tx";
    public const string RecoverCategory = "Recover the signer";

    private PrivateKey _key = null!;
    private NaiveBouncyCastleSigner _naiveSigner = null!;
    private Eip1559Transaction _transaction = null!;
    private byte[] _hash = [];
    private Signature _signature = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = BenchmarkInputs.SigningKey();
        _naiveSigner = new NaiveBouncyCastleSigner(_key);
        _transaction = BenchmarkInputs.RegisterTransaction();
        _hash = BenchmarkInputs.Hash32(stream: 3);
        _signature = Secp256k1.Sign(_hash, _key);

        // Both signers draw the same RFC 6979 nonce, so r must match; s may be n - s (low-s).
        var naive = _naiveSigner.Sign(_hash);
        SetupCheck.SameBytes(_signature.R, BigIntegers.AsUnsignedByteArray(Signature.ScalarSize, naive[0]), "r of the naive and the Ledger signature");
        SetupCheck.That(Secp256k1.RecoverAddress(_hash, _signature) == _key.Address, "the signature recovers the signing key's address");
        var signed = _transaction.Sign(_key);
        SetupCheck.That(
            Secp256k1.RecoverAddress(_transaction.GetSigningHash(), signed.Signature) == _key.Address,
            "the transaction signature recovers the signing key's address");
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [BenchmarkCategory(SignHashCategory)]
    [Benchmark(Baseline = true, Description = "BouncyCastle ECDsaSigner, generic curve")]
    public BcBigInteger[] NaiveSign() => _naiveSigner.Sign(_hash);

    [BenchmarkCategory(SignHashCategory)]
    [Benchmark(Description = "Secp256k1.Sign")]
    public Signature Sign() => Secp256k1.Sign(_hash, _key);

    [BenchmarkCategory(SignTransactionCategory)]
    [Benchmark(Baseline = true, Description = "Secp256k1.Sign (hash only)")]
    public Signature SignHashOnly() => Secp256k1.Sign(_hash, _key);

    [BenchmarkCategory(SignTransactionCategory)]
    [Benchmark(Description = "Eip1559Transaction.Sign (hash + sign + RLP)")]
    public SignedTransaction SignTransaction() => _transaction.Sign(_key);

    [BenchmarkCategory(RecoverCategory)]
    [Benchmark(Baseline = true, Description = "Secp256k1.Sign (same hash)")]
    public Signature SignBeforeRecovery() => Secp256k1.Sign(_hash, _key);

    [BenchmarkCategory(RecoverCategory)]
    [Benchmark(Description = "Secp256k1.RecoverAddress")]
    public Address RecoverAddress() => Secp256k1.RecoverAddress(_hash, _signature);
}
