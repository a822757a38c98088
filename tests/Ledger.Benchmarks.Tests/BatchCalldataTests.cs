using System.Numerics;
using Ledger.Benchmarks.Permits;
using Ledger.Testing;
using PermitInputMessage = Ledger.Contracts.Generated.PermitRegistry.ContractDefinition.PermitInput;

namespace Ledger.Benchmarks.Tests;

/// <summary>The bulk loader's hand-written registerBatch calldata against two independent encoders.</summary>
public class BatchCalldataTests
{
    private const string Signature = "registerBatch((bytes32,bytes32,uint8,uint40,uint40,bytes2,uint16,bytes32,bytes32,uint96[])[])";

    private static List<PermitInputMessage> Sample()
    {
        var permits = new BenchPermits("t1", new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        var list = Enumerable.Range(0, 3).Select(i => permits.Input(permits.Id("CH", "test", i), "FR")).ToList();
        list[1].Lines = [BigInteger.One, new BigInteger(ulong.MaxValue) * 1000, BigInteger.Zero];  // several lines, one above 64 bits
        list[2].MaxShipments = 65535;
        return list;
    }

    [Fact]
    public void It_equals_Nethereums_encoding()
    {
        BatchCalldata.CheckAgainstNethereum(Sample());  // throws when they differ
        BatchCalldata.CheckAgainstNethereum(Sample().Take(1).ToList());
    }

    [Fact]
    public async Task It_equals_cast_calldata()
    {
        var sample = Sample();
        var tuples = string.Join(",", sample.Select(p =>
            $"(0x{Convert.ToHexStringLower(p.Key)},0x{Convert.ToHexStringLower(p.DocumentHash)},{p.PermitType},{p.ValidFrom},{p.ValidUntil}," +
            $"0x{Convert.ToHexStringLower(p.Destination)},{p.MaxShipments},0x{Convert.ToHexStringLower(p.PreviousKey)},0x{Convert.ToHexStringLower(p.ActorRef)},[{string.Join(",", p.Lines)}])"));

        var cast = await CastBatch.RunAsync([["calldata", Signature, $"[{tuples}]"]]);

        Assert.Equal(cast[0], "0x" + Convert.ToHexStringLower(BatchCalldata.Encode(sample)));
    }

    [Fact]
    public void A_line_amount_above_uint96_is_refused()
    {
        var sample = Sample();
        sample[0].Lines = [BigInteger.One << 96];

        Assert.Throws<ArgumentOutOfRangeException>(() => BatchCalldata.Encode(sample));
    }
}
