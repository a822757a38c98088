using Ledger.Chain.Primitives;

namespace Ledger.Chain.Crypto;

/// <summary>
/// A secp256k1 ECDSA signature with its recovery id: r and s as 32-byte big-endian numbers
/// in [1, n-1] and the parity of R's y coordinate (0 or 1). Signatures made by
/// <see cref="Secp256k1.Sign"/> are always low-s (s ≤ n/2, EIP-2).
/// </summary>
public sealed class Signature : IEquatable<Signature>
{
    /// <summary>Size of the r || s || v form in bytes.</summary>
    public const int Size = 65;

    /// <summary>Size of r and of s in bytes.</summary>
    public const int ScalarSize = Secp256k1Curve.ScalarSize;

    private readonly byte[] _r;
    private readonly byte[] _s;

    /// <summary>
    /// Creates a signature from big-endian r and s (at most 32 bytes each; shorter values,
    /// as RLP writes them, are left-padded) and a recovery id of 0 or 1.
    /// </summary>
    public Signature(ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, byte recoveryId)
    {
        _r = ToScalar(r, nameof(r));
        _s = ToScalar(s, nameof(s));
        if (recoveryId > 1)
            throw new ArgumentOutOfRangeException(nameof(recoveryId), recoveryId, "The recovery id is 0 or 1.");
        RecoveryId = recoveryId;
    }

    /// <summary>r, 32 bytes big-endian.</summary>
    public ReadOnlySpan<byte> R => _r;

    /// <summary>s, 32 bytes big-endian.</summary>
    public ReadOnlySpan<byte> S => _s;

    /// <summary>The parity of R's y coordinate: 0 or 1 (a transaction's yParity).</summary>
    public byte RecoveryId { get; }

    /// <summary>True when s ≤ n/2, the only form Ethereum accepts in transactions (EIP-2).</summary>
    public bool IsLowS => Secp256k1Curve.IsLowS(_s);

    /// <summary>
    /// Reads 65 bytes r || s || v where v is 0/1 or 27/28.
    /// </summary>
    public static Signature FromBytes(ReadOnlySpan<byte> rsv)
    {
        if (rsv.Length != Size)
            throw new ArgumentException($"A signature is {Size} bytes (r || s || v), got {rsv.Length}.", nameof(rsv));
        var v = rsv[Size - 1];
        var recoveryId = v switch
        {
            0 or 1 => v,
            27 or 28 => (byte)(v - 27),
            _ => throw new ArgumentException($"Signature v must be 0, 1, 27 or 28, got {v}.", nameof(rsv)),
        };
        return new Signature(rsv[..ScalarSize], rsv[ScalarSize..(2 * ScalarSize)], recoveryId);
    }

    /// <summary>Parses hex of the 65-byte form.</summary>
    public static Signature FromHex(string hex) => FromBytes(Hex.Decode(hex));

    /// <summary>
    /// The equivalent low-s signature: (r, n - s) with the recovery id flipped when s &gt; n/2,
    /// otherwise this signature. Both forms verify; Ethereum accepts only the low one.
    /// </summary>
    public Signature ToLowS() =>
        IsLowS ? this : new Signature(_r, Secp256k1Curve.Negate(_s), (byte)(RecoveryId ^ 1));

    /// <summary>The 65 bytes r || s || v, with v written as <paramref name="vEncoding"/> says.</summary>
    public byte[] ToBytes(SignatureVEncoding vEncoding = SignatureVEncoding.RecoveryId)
    {
        var bytes = new byte[Size];
        _r.CopyTo(bytes, 0);
        _s.CopyTo(bytes, ScalarSize);
        bytes[Size - 1] = (byte)(RecoveryId + (int)vEncoding);
        return bytes;
    }

    /// <summary>"0x" + hex of r || s || v with v as 0 or 1.</summary>
    public override string ToString() => Hex.Encode(ToBytes());

    /// <inheritdoc />
    public bool Equals(Signature? other) =>
        other is not null && RecoveryId == other.RecoveryId && R.SequenceEqual(other.R) && S.SequenceEqual(other.S);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Signature other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_r);
        hash.AddBytes(_s);
        hash.Add(RecoveryId);
        return hash.ToHashCode();
    }

    private static byte[] ToScalar(ReadOnlySpan<byte> bigEndian, string name)
    {
        if (bigEndian.Length > ScalarSize)
            throw new ArgumentException($"Signature {name} is at most {ScalarSize} bytes, got {bigEndian.Length}.", name);
        var padded = new byte[ScalarSize];
        bigEndian.CopyTo(padded.AsSpan(ScalarSize - bigEndian.Length));
        if (!Secp256k1Curve.IsValidScalar(padded))
            throw new ArgumentException($"Signature {name} must be a number from 1 to n-1 (the secp256k1 group order).", name);
        return padded;
    }
}
