using BenchmarkDotNet.Attributes;
using Ledger.Chain.Crypto;
using Ledger.Chain.Transactions;

namespace Ledger.Benchmarks;

/// <summary>
/// RLP-encoding a signed EIP-1559 transaction (a register call) with Ledger.Chain's generic
/// <c>RlpItem</c> tree against a writer hand-made for this one envelope.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("RLP-encode a signed tx")]
public class RlpEncodingBenchmarks
{
    private Eip1559Transaction _transaction = null!;
    private Signature _signature = null!;

    [GlobalSetup]
    public void Setup()
    {
        _transaction = BenchmarkInputs.RegisterTransaction();
        using var key = BenchmarkInputs.SigningKey();
        var signed = _transaction.Sign(key);
        _signature = signed.Signature;
        SetupCheck.SameBytes(signed.RawBytes.Span, RlpItemTree(), "the library's raw transaction and the RlpItem encoding");
        SetupCheck.SameBytes(signed.RawBytes.Span, HandWritten(), "the library's raw transaction and the hand-written encoding");
    }

    [Benchmark(Baseline = true, Description = "hand-written EIP-1559 envelope")]
    public byte[] HandWritten() => HandWrittenTransactionEncoder.EncodeSigned(_transaction, _signature);

    [Benchmark(Description = "RlpItem tree + RlpEncoder")]
    public byte[] RlpItemTree() => RlpItemTransactionEncoder.EncodeSigned(_transaction, _signature);
}
