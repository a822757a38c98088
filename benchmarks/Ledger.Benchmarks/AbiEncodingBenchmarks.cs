using BenchmarkDotNet.Attributes;

namespace Ledger.Benchmarks;

/// <summary>
/// ABI-encoding a PermitRegistry-like register call with the generic codec
/// (<c>AbiFunction.Parse(signature).EncodeCall</c>) against a writer hand-made for this one
/// layout. Both start from the same typed record, so building the argument list counts.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("ABI-encode a register call")]
public class AbiEncodingBenchmarks
{
    private RegisterPermitCall _call = null!;

    /// <summary>A CITES permit usually has one line; 16 shows how the dynamic array scales.</summary>
    [Params(1, 16)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _call = BenchmarkInputs.RegisterCall(Lines);
        SetupCheck.SameBytes(HandWritten(), AbiFunctionEncodeCall(), "hand-written and AbiFunction calldata");
    }

    [Benchmark(Baseline = true, Description = "hand-written fixed layout")]
    public byte[] HandWritten() => HandWrittenRegisterEncoder.Encode(RegisterPermitAbi.Function.Selector, _call);

    [Benchmark(Description = "AbiFunction.EncodeCall")]
    public byte[] AbiFunctionEncodeCall() => RegisterPermitAbi.Function.EncodeCall(_call.ToAbiArguments());
}
