using System.Numerics;
using Org.BouncyCastle.Crypto.Generators;

namespace Ledger.Chain.Keystore;

/// <summary>
/// scrypt cost parameters: n (CPU/memory cost, a power of two), r (block size) and
/// p (parallelism). Memory is 128·n·r bytes and work grows with n·r·p; both are capped at
/// the standard geth setting (n = 2^18, r = 8, p = 1: 256 MiB, about a second).
/// </summary>
public sealed class ScryptParameters : KdfParameters
{
    /// <summary>Largest n accepted.</summary>
    public const int MaxN = 1 << 18;

    /// <summary>Largest memory use accepted, 128·n·r bytes.</summary>
    public const long MaxMemoryBytes = 256L * 1024 * 1024;

    /// <summary>Largest work factor n·r·p accepted.</summary>
    public const long MaxWork = (long)MaxN * 8;

    /// <summary>Creates and bounds-checks the parameters.</summary>
    public ScryptParameters(long n, long r, long p)
    {
        if (n < 2 || n > MaxN || !BitOperations.IsPow2(n))
            throw OutOfBounds($"scrypt n must be a power of two from 2 to {MaxN}, got {n}.");
        if (r < 1 || p < 1)
            throw OutOfBounds($"scrypt r and p must be at least 1, got r = {r}, p = {p}.");
        if (r > MaxMemoryBytes / (128 * n))
            throw OutOfBounds($"scrypt with n = {n}, r = {r} needs more than {MaxMemoryBytes / (1024 * 1024)} MiB.");
        if (p > MaxWork / (n * r))
            throw OutOfBounds($"scrypt work n·r·p = {n}·{r}·{p} exceeds {MaxWork}.");
        if (r == 1 && n >= 65536)
            throw new KeystoreException(KeystoreErrorKind.Unsupported,
                "scrypt with r = 1 needs n below 65536 (RFC 7914: n < 2^(16·r)).");
        N = (int)n;
        R = (int)r;
        P = (int)p;
    }

    /// <summary>geth's standard: n = 262144, r = 8, p = 1.</summary>
    public static ScryptParameters Standard { get; } = new(MaxN, 8, 1);

    /// <summary>CPU/memory cost.</summary>
    public int N { get; }

    /// <summary>Block size.</summary>
    public int R { get; }

    /// <summary>Parallelism.</summary>
    public int P { get; }

    /// <inheritdoc />
    public override string Name => "scrypt";

    /// <inheritdoc />
    internal override byte[] DeriveKey(byte[] password, byte[] salt, int length) =>
        SCrypt.Generate(password, salt, N, R, P, length);

    /// <inheritdoc />
    internal override void WriteTo(KeystoreDocument.KdfParamsSection section) =>
        (section.N, section.R, section.P) = (N, R, P);
}
