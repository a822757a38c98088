using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Nethereum.Model;
using Nethereum.Signer;

namespace Ledger.MicroBenchmarks;

/// <summary>
/// Signing an EIP-1559 transaction the way the gateway's sender does (Nethereum's
/// <see cref="Transaction1559Signer"/>) with <see cref="EthECKey.SignRecoverable"/> on (NBitcoin's
/// libsecp256k1 port) against Nethereum's default BouncyCastle path, and recovering the signer
/// (what every node does per transaction) against the fast signing.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SigningBenchmarks
{
    public const string SignTransactionCategory = "Sign an EIP-1559 tx";
    public const string RecoverCategory = "Recover the signer";

    private readonly Transaction1559Signer _signer = new();
    private EthECKey _key = null!;
    private Transaction1559 _transaction = null!;
    private byte[] _signingHash = [];
    private EthECDSASignature _signature = null!;
    private string _address = "";

    [GlobalSetup]
    public void Setup()
    {
        _key = BenchmarkInputs.SigningKey();
        _transaction = BenchmarkInputs.RegisterTransaction();
        _address = _key.GetPublicAddress();
        // Both paths draw the same RFC 6979 nonce and normalise to low s: the raw transactions must be identical.
        SetupCheck.That(DefaultSigner() == FastSigner(), "the default and the fast signer produce the same signed transaction");
        var signed = TransactionFactory.CreateTransaction(FastSigner());
        SetupCheck.That(string.Equals(signed.GetSenderAddress(), _address, StringComparison.OrdinalIgnoreCase), "the signed transaction recovers the signing key's address");
        _signingHash = new Transaction1559(_transaction.ChainId, _transaction.Nonce, _transaction.MaxPriorityFeePerGas, _transaction.MaxFeePerGas,
            _transaction.GasLimit, _transaction.ReceiverAddress, _transaction.Amount, _transaction.Data, []).RawHash;
        EthECKey.SignRecoverable = true;
        _signature = _key.SignAndCalculateYParityV(_signingHash);
        SetupCheck.That(string.Equals(RecoverAddress(), _address, StringComparison.OrdinalIgnoreCase), "recovery from the hash and signature finds the signer");
    }

    [BenchmarkCategory(SignTransactionCategory)]
    [Benchmark(Baseline = true, Description = "Nethereum default signer (BouncyCastle)")]
    public string DefaultSigner()
    {
        EthECKey.SignRecoverable = false;
        return _signer.SignTransaction(_key, _transaction);
    }

    [BenchmarkCategory(SignTransactionCategory)]
    [Benchmark(Description = "SignRecoverable (NBitcoin.Secp256k1)")]
    public string FastSigner()
    {
        EthECKey.SignRecoverable = true;
        return _signer.SignTransaction(_key, _transaction);
    }

    [BenchmarkCategory(RecoverCategory)]
    [Benchmark(Baseline = true, Description = "SignRecoverable signature of the same hash")]
    public EthECDSASignature SignBeforeRecovery()
    {
        EthECKey.SignRecoverable = true;
        return _key.SignAndCalculateYParityV(_signingHash);
    }

    [BenchmarkCategory(RecoverCategory)]
    [Benchmark(Description = "EthECKey.RecoverFromParityYSignature")]
    public string RecoverAddress() => EthECKey.RecoverFromParityYSignature(_signature, _signingHash).GetPublicAddress();
}
