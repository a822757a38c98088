using System.Numerics;
using Ledger.Contracts.Generated.PermitRegistry.ContractDefinition;
using Nethereum.Contracts;
using Nethereum.Model;
using Nethereum.Signer;

namespace Ledger.MicroBenchmarks;

/// <summary>Every benchmark input, from one fixed seed, so runs compare like with like.</summary>
internal static class BenchmarkInputs
{
    private const int Seed = 5_000;

    private const ulong DevnetChainId = 31_337;

    /// <summary>Deterministic bytes; <paramref name="stream"/> separates the inputs.</summary>
    public static byte[] Bytes(int length, int stream)
    {
        var bytes = new byte[length];
        new Random(Seed + stream).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The key every signing benchmark uses.</summary>
    public static EthECKey SigningKey() => new(Bytes(32, stream: 1), true);

    /// <summary>A register call with <paramref name="lineCount"/> quantity lines.</summary>
    public static RegisterPermitCall RegisterCall(int lineCount)
    {
        var random = new Random(Seed + 100 + lineCount);
        var lines = new UInt128[lineCount];
        for (var i = 0; i < lines.Length; i++)
            lines[i] = (UInt128)random.NextInt64(1, long.MaxValue) << 32; // fills most of the 96 bits
        var validFrom = 1_767_225_600UL; // 2026-01-01T00:00:00Z
        return new RegisterPermitCall(
            Key: Bytes(32, stream: 10),
            DocumentHash: Bytes(32, stream: 11),
            PermitType: 2,
            ValidFrom: validFrom,
            ValidUntil: validFrom + 180UL * 24 * 3600,
            Destination: "CH"u8.ToArray(),
            MaxShipments: 1,
            Previous: new byte[32],
            ActorRef: Bytes(32, stream: 12),
            Lines: lines);
    }

    /// <summary>A one-line register call to a contract on chain 31337, as the gateway sends it.</summary>
    public static Transaction1559 RegisterTransaction() => new(
        DevnetChainId, 4_711, new BigInteger(1_000_000_000), new BigInteger(30_000_000_000), 300_000,
        "0x" + Convert.ToHexStringLower(Bytes(20, stream: 20)), BigInteger.Zero,
        "0x" + Convert.ToHexStringLower(RegisterCall(lineCount: 1).ToMessage().GetCallData()), []);
}
