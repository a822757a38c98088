using Ledger.Chain.Primitives;

namespace Ledger.Chain.Abi;

/// <summary>
/// The value of an indexed event parameter of a string, bytes, array or struct type: the log
/// holds only the Keccak-256 of the value, so that is all decoding can give back. Compare it
/// with <see cref="AbiEvent.EncodeTopicValue"/> of a candidate value.
/// </summary>
public sealed class AbiHashedTopic : IEquatable<AbiHashedTopic>
{
    private readonly byte[] _hash;

    /// <summary>Wraps a 32-byte topic (copied).</summary>
    /// <exception cref="ArgumentException">The topic is not 32 bytes.</exception>
    public AbiHashedTopic(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != Keccak256.Size)
            throw new ArgumentException($"A topic is {Keccak256.Size} bytes, got {hash.Length}.", nameof(hash));
        _hash = hash.ToArray();
    }

    /// <summary>The 32-byte Keccak-256 hash stored in the topic.</summary>
    public ReadOnlySpan<byte> Hash => _hash;

    /// <inheritdoc />
    public bool Equals(AbiHashedTopic? other) => other is not null && _hash.AsSpan().SequenceEqual(other._hash);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AbiHashedTopic other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(_hash, 0);

    /// <summary><c>hash(0x…)</c>, so it is never mistaken for the value itself.</summary>
    public override string ToString() => $"hash({Hex.Encode(_hash)})";
}
