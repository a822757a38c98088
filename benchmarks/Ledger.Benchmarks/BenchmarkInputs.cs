using System.Numerics;
using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;
using Ledger.Chain.Transactions;

namespace Ledger.Benchmarks;

/// <summary>
/// The data every benchmark works on, derived from one fixed seed so that every run (and
/// every machine) measures exactly the same inputs.
/// </summary>
internal static class BenchmarkInputs
{
    private const int Seed = 5_000;

    /// <summary>Chain id of the single-node devnet (anvil's default).</summary>
    private const ulong DevnetChainId = 31_337;

    /// <summary>
    /// Deterministic pseudo-random bytes; a generator per stream keeps each input independent
    /// of the order callers ask for them (HashCode.Combine would not do: it is salted per process).
    /// </summary>
    public static byte[] Bytes(int length, int stream)
    {
        var bytes = new byte[length];
        new Random(Seed + stream).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A 32-byte value such as a message hash, document hash or permit key.</summary>
    public static byte[] Hash32(int stream) => Bytes(32, stream);

    /// <summary>The signing key. Random 32 bytes are a valid secp256k1 scalar except with probability ~2^-128.</summary>
    public static PrivateKey SigningKey() => PrivateKey.FromBytes(Bytes(PrivateKey.Size, stream: 1));

    /// <summary>A register call's permit fields with <paramref name="lineCount"/> quantity lines.</summary>
    public static RegisterPermitCall RegisterCall(int lineCount)
    {
        var random = new Random(Seed + 100 + lineCount);
        var lines = new UInt128[lineCount];
        for (var i = 0; i < lines.Length; i++)
            lines[i] = (UInt128)random.NextInt64(1, long.MaxValue) << 32; // fills most of the 96 bits
        var validFrom = 1_767_225_600UL; // 2026-01-01T00:00:00Z
        return new RegisterPermitCall(
            Key: Hash32(stream: 10),
            DocumentHash: Hash32(stream: 11),
            PermitType: 2,
            ValidFrom: validFrom,
            ValidUntil: validFrom + 180UL * 24 * 3600,
            Destination: "CH"u8.ToArray(),
            Lines: lines,
            MaxShipments: 1,
            Previous: new byte[32],
            ActorRef: Hash32(stream: 12));
    }

    /// <summary>
    /// A typical write: an EIP-1559 transaction to a registry contract carrying a one-line
    /// register call, with realistic fees and gas.
    /// </summary>
    public static Eip1559Transaction RegisterTransaction() => new()
    {
        ChainId = DevnetChainId,
        Nonce = 4_711,
        MaxPriorityFeePerGas = new BigInteger(1_000_000_000),
        MaxFeePerGas = new BigInteger(30_000_000_000),
        GasLimit = 300_000,
        To = new Address(Bytes(Address.Size, stream: 20)),
        Value = BigInteger.Zero,
        Data = RegisterPermitAbi.Function.EncodeCall(RegisterCall(lineCount: 1).ToAbiArguments()),
    };
}
