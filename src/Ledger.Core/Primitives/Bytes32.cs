using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Ledger.Core.Primitives;

/// <summary>
/// Thirty-two bytes, the size of a Solidity <c>bytes32</c> and of the Keccak-256 and
/// SHA-256 digests the ledger stores. Held as four big-endian words so the value is an
/// immutable, allocation-free value type whose default is the all-zero word.
/// </summary>
public readonly struct Bytes32 : IEquatable<Bytes32>
{
    /// <summary>Number of bytes.</summary>
    public const int Length = 32;

    /// <summary>Number of hex digits in the text form (without "0x").</summary>
    public const int HexDigits = Length * 2;

    private readonly ulong _word0;
    private readonly ulong _word1;
    private readonly ulong _word2;
    private readonly ulong _word3;

    /// <summary>Copies exactly 32 bytes.</summary>
    /// <exception cref="ArgumentException">When <paramref name="bytes"/> is not 32 bytes long.</exception>
    public Bytes32(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
            throw new ArgumentException($"Expected {Length} bytes, got {bytes.Length}.", nameof(bytes));
        _word0 = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _word1 = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _word2 = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _word3 = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    /// <summary>The all-zero value (the contracts' "nothing here").</summary>
    public static Bytes32 Zero => default;

    /// <summary>True when every byte is zero.</summary>
    public bool IsZero => (_word0 | _word1 | _word2 | _word3) == 0;

    /// <summary>Writes the 32 bytes into <paramref name="destination"/> (at least 32 bytes).</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Length)
            throw new ArgumentException($"Destination must hold {Length} bytes.", nameof(destination));
        BinaryPrimitives.WriteUInt64BigEndian(destination, _word0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _word1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _word2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _word3);
    }

    /// <summary>A new array holding the 32 bytes.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Lower-case hex with the "0x" prefix, as cast and JSON-RPC write it.</summary>
    public string ToHex()
    {
        Span<byte> bytes = stackalloc byte[Length];
        CopyTo(bytes);
        return "0x" + Convert.ToHexStringLower(bytes);
    }

    /// <summary>
    /// Parses 64 hex digits, either case, with or without a "0x" prefix. Surrounding
    /// whitespace is ignored because hashes are often pasted from other tools.
    /// </summary>
    public static bool TryParseHex(string? text, out Bytes32 value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var digits = (text ?? string.Empty).AsSpan().Trim();
        if (digits.Length >= 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X'))
            digits = digits[2..];
        if (digits.Length != HexDigits)
        {
            error = $"expected {HexDigits} hex digits (32 bytes), got {digits.Length}";
            return false;
        }
        for (var i = 0; i < digits.Length; i++)
        {
            if (!char.IsAsciiHexDigit(digits[i]))
            {
                error = $"'{digits[i]}' at digit {i + 1} is not a hex digit (0-9, a-f)";
                return false;
            }
        }
        Span<byte> bytes = stackalloc byte[Length];
        Convert.FromHexString(digits, bytes, out _, out _);
        value = new Bytes32(bytes);
        error = null;
        return true;
    }

    /// <summary>Parses like <see cref="TryParseHex"/>, throwing when the text is not 32 bytes of hex.</summary>
    /// <exception cref="FormatException">When <paramref name="text"/> is not 64 hex digits.</exception>
    public static Bytes32 Parse(string text) =>
        TryParseHex(text, out var value, out var error) ? value : throw new FormatException($"Not a 32-byte hex value: {error}.");

    /// <inheritdoc/>
    public bool Equals(Bytes32 other) =>
        _word0 == other._word0 && _word1 == other._word1 && _word2 == other._word2 && _word3 == other._word3;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Bytes32 other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_word0, _word1, _word2, _word3);

    /// <summary>The hex form, see <see cref="ToHex"/>.</summary>
    public override string ToString() => ToHex();

    /// <summary>Value equality.</summary>
    public static bool operator ==(Bytes32 left, Bytes32 right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Bytes32 left, Bytes32 right) => !left.Equals(right);
}
