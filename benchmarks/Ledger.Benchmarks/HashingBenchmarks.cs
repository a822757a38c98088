using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Ledger.Chain.Primitives;

namespace Ledger.Benchmarks;

/// <summary>Keccak-256 against .NET's SHA-256 (the platform's tuned hash) on the same input.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("Keccak-256")]
public class HashingBenchmarks
{
    private readonly byte[] _digest = new byte[Keccak256.Size];
    private byte[] _input = [];

    /// <summary>32 bytes is a hash of a hash (keys, signing hashes); 1 KiB is a transaction-sized message.</summary>
    [Params(32, 1024)]
    public int InputBytes { get; set; }

    [GlobalSetup]
    public void Setup() => _input = BenchmarkInputs.Bytes(InputBytes, stream: 2);

    [Benchmark(Baseline = true, Description = ".NET SHA256.HashData")]
    public void Sha256() => SHA256.HashData(_input, _digest);

    [Benchmark(Description = "Keccak256.Hash")]
    public void Keccak() => Keccak256.Hash(_input, _digest);
}
