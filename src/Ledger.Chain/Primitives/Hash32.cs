namespace Ledger.Chain.Primitives;

/// <summary>
/// A 32-byte hash as the JSON-RPC API uses them: block hashes, transaction hashes and log
/// topics. Compared by value; prints as lower-case "0x"-prefixed hex.
/// </summary>
public readonly struct Hash32 : IEquatable<Hash32>
{
    /// <summary>Size of the hash in bytes.</summary>
    public const int Size = 32;

    private readonly byte[]? _bytes;

    /// <summary>Creates a hash from exactly 32 bytes (copied).</summary>
    public Hash32(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new ArgumentException($"A hash is {Size} bytes, got {bytes.Length}.", nameof(bytes));
        _bytes = bytes.ToArray();
    }

    /// <summary>The all-zero hash.</summary>
    public static Hash32 Zero { get; } = new(new byte[Size]);

    /// <summary>The 32 bytes of the hash.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? new byte[Size];

    /// <summary>Parses "0x" followed by 64 hex digits (either case).</summary>
    public static Hash32 Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != 2 + 2 * Size || !Hex.HasPrefix(text))
            throw new FormatException("A 32-byte hash is \"0x\" followed by 64 hex digits.");
        return new Hash32(Hex.Decode(text));
    }

    /// <inheritdoc />
    public override string ToString() => Hex.Encode(Bytes);

    /// <inheritdoc />
    public bool Equals(Hash32 other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Hash32 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <summary>Equality by value.</summary>
    public static bool operator ==(Hash32 left, Hash32 right) => left.Equals(right);

    /// <summary>Inequality by value.</summary>
    public static bool operator !=(Hash32 left, Hash32 right) => !left.Equals(right);
}
