using BenchmarkDotNet.Attributes;
using Nethereum.Contracts;

namespace Ledger.MicroBenchmarks;

/// <summary>
/// Calldata of <c>register(PermitInput)</c> with 1 and 16 quantity lines: Nethereum's encoder on
/// the generated typed message against a writer hand-made for this one layout (the baseline).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("ABI-encode a register call")]
public class AbiEncodingBenchmarks
{
    private RegisterPermitCall _call = null!;
    private byte[] _selector = [];

    [Params(1, 16)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _call = BenchmarkInputs.RegisterCall(Lines);
        _selector = RegisterPermitCall.Selector();
        SetupCheck.SameBytes(HandWritten(), NethereumMessage(), "hand-written and Nethereum calldata");
    }

    [Benchmark(Baseline = true, Description = "hand-written fixed layout")]
    public byte[] HandWritten() => HandWrittenRegisterEncoder.Encode(_selector, _call);

    [Benchmark(Description = "Nethereum RegisterFunction.GetCallData")]
    public byte[] NethereumMessage() => _call.ToMessage().GetCallData();
}
