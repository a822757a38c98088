using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Rlp;

/// <summary>
/// One RLP item: a byte string or a list of items. Immutable; each item knows its encoded
/// length, so encoding a tree allocates only the output buffer. Integers are byte strings
/// holding the minimal big-endian form (zero is the empty string).
/// </summary>
public sealed class RlpItem
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly RlpItem[]? _items;

    private RlpItem(ReadOnlyMemory<byte> bytes)
    {
        _bytes = bytes;
        PayloadLength = bytes.Length;
        EncodedLength = bytes.Length == 1 && bytes.Span[0] < RlpPrefix.ShortString
            ? 1
            : checked(RlpPrefix.HeaderLength(bytes.Length) + bytes.Length);
    }

    private RlpItem(RlpItem[] items)
    {
        _items = items;
        var payload = 0;
        foreach (var item in items)
            payload = checked(payload + (item ?? throw new ArgumentException("An RLP list cannot contain null.", nameof(items))).EncodedLength);
        PayloadLength = payload;
        EncodedLength = checked(RlpPrefix.HeaderLength(payload) + payload);
    }

    /// <summary>The empty byte string (also the integer zero).</summary>
    public static RlpItem Empty { get; } = new(ReadOnlyMemory<byte>.Empty);

    /// <summary>The empty list.</summary>
    public static RlpItem EmptyList { get; } = new(Array.Empty<RlpItem>());

    /// <summary>True for a list, false for a byte string.</summary>
    public bool IsList => _items is not null;

    /// <summary>The bytes of a byte string; throws for a list.</summary>
    public ReadOnlyMemory<byte> Bytes => _items is null
        ? _bytes
        : throw new InvalidOperationException("This RLP item is a list, not a byte string.");

    /// <summary>The children of a list; throws for a byte string.</summary>
    public IReadOnlyList<RlpItem> Items => _items ?? throw new InvalidOperationException("This RLP item is a byte string, not a list.");

    /// <summary>Length of the item's encoding, header included.</summary>
    public int EncodedLength { get; }

    /// <summary>Length of the content after the header (string bytes or encoded children).</summary>
    internal int PayloadLength { get; }

    /// <summary>A byte string item. The memory is not copied; do not change it afterwards.</summary>
    public static RlpItem FromBytes(ReadOnlyMemory<byte> bytes) => bytes.IsEmpty ? Empty : new RlpItem(bytes);

    /// <summary>A byte string item holding a copy of <paramref name="bytes"/>.</summary>
    public static RlpItem CopyOf(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? Empty : new RlpItem(bytes.ToArray());

    /// <summary>A list item.</summary>
    public static RlpItem List(params RlpItem[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Length == 0 ? EmptyList : new RlpItem((RlpItem[])items.Clone());
    }

    /// <summary>A list item.</summary>
    public static RlpItem List(IEnumerable<RlpItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return ListOwning([.. items]);
    }

    /// <summary>Wraps children that the caller built and will not change (no defensive copy).</summary>
    internal static RlpItem ListOwning(RlpItem[] items) => items.Length == 0 ? EmptyList : new RlpItem(items);

    /// <summary>An unsigned integer in minimal big-endian form.</summary>
    public static RlpItem FromUInt64(ulong value)
    {
        if (value == 0)
            return Empty;
        Span<byte> buffer = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64BigEndian(buffer, value);
        return FromUnsignedBigEndian(buffer);
    }

    /// <summary>A non-negative integer in minimal big-endian form.</summary>
    public static RlpItem FromBigInteger(BigInteger value)
    {
        if (value.Sign < 0)
            throw new ArgumentOutOfRangeException(nameof(value), "RLP integers are non-negative.");
        return value.IsZero ? Empty : new RlpItem(value.ToByteArray(isUnsigned: true, isBigEndian: true));
    }

    /// <summary>An integer from big-endian bytes, leading zero bytes dropped (so it is canonical).</summary>
    public static RlpItem FromUnsignedBigEndian(ReadOnlySpan<byte> bigEndian)
    {
        var first = bigEndian.IndexOfAnyExcept((byte)0);
        return first < 0 ? Empty : CopyOf(bigEndian[first..]);
    }

    /// <summary>Reads a canonical unsigned integer of at most 8 bytes.</summary>
    public ulong ToUInt64()
    {
        var bytes = ToIntegerBytes(sizeof(ulong)).Span;
        ulong value = 0;
        foreach (var b in bytes)
            value = (value << 8) | b;
        return value;
    }

    /// <summary>Reads a canonical unsigned integer of at most <paramref name="maxBytes"/> bytes (32: uint256).</summary>
    public BigInteger ToBigInteger(int maxBytes = 32) =>
        new(ToIntegerBytes(maxBytes).Span, isUnsigned: true, isBigEndian: true);

    /// <summary>The item as cast prints it: "0x…" for strings, [a,b] for lists.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        AppendTo(text);
        return text.ToString();
    }

    /// <summary>
    /// The big-endian bytes of a canonical unsigned integer (no leading zeros, zero is empty)
    /// of at most <paramref name="maxBytes"/> bytes; throws <see cref="FormatException"/> otherwise.
    /// </summary>
    public ReadOnlyMemory<byte> ToIntegerBytes(int maxBytes)
    {
        var bytes = Bytes;
        if (bytes.Length > maxBytes)
            throw new FormatException($"RLP integer has {bytes.Length} bytes; at most {maxBytes} allowed here.");
        if (bytes.Length > 0 && bytes.Span[0] == 0)
            throw new FormatException("RLP integer has leading zero bytes (not canonical).");
        return bytes;
    }

    private void AppendTo(StringBuilder text)
    {
        if (_items is null)
        {
            text.Append('"').Append(Hex.Encode(_bytes.Span)).Append('"');
            return;
        }
        text.Append('[');
        for (var i = 0; i < _items.Length; i++)
        {
            if (i > 0)
                text.Append(',');
            _items[i].AppendTo(text);
        }
        text.Append(']');
    }
}
