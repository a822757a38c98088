namespace Ledger.Chain.Abi;

/// <summary>
/// <c>T[k]</c> (fixed length) or <c>T[]</c> (dynamic length). Values are lists; decoded values
/// are <c>IReadOnlyList&lt;object?&gt;</c>.
/// </summary>
public sealed class AbiArrayType : AbiType
{
    /// <summary>Creates <c>element[length]</c>, or <c>element[]</c> when <paramref name="length"/> is null.</summary>
    /// <exception cref="ArgumentException">The length is negative or above <see cref="AbiLimits.MaxFixedArrayLength"/>, or the type nests too deep or is too large.</exception>
    public AbiArrayType(AbiType element, int? length = null)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (length is < 0 or > AbiLimits.MaxFixedArrayLength)
            throw new ArgumentOutOfRangeException(nameof(length), length,
                $"A fixed array length must be between 0 and {AbiLimits.MaxFixedArrayLength}.");
        Element = element;
        Length = length;
        CanonicalName = element.CanonicalName + (length is { } k ? $"[{k}]" : "[]");
        Depth = element.Depth + 1;
        if (Depth > AbiLimits.MaxTypeDepth)
            throw new ArgumentException($"Array nests {Depth} levels deep; at most {AbiLimits.MaxTypeDepth} are supported.", nameof(element));
        IsDynamic = length is null || element.IsDynamic;
        if (IsDynamic)
        {
            HeadSize = AbiWord.Size;
        }
        else
        {
            var size = (long)length!.Value * element.HeadSize;
            if (size > AbiLimits.MaxStaticSize)
                throw new ArgumentException(
                    $"Array {AbiValueText.Shorten(CanonicalName, 200)} is {size} bytes; static types are limited to {AbiLimits.MaxStaticSize}.",
                    nameof(length));
            HeadSize = (int)size;
        }
    }

    /// <summary>The element type.</summary>
    public AbiType Element { get; }

    /// <summary>The fixed length k of <c>T[k]</c>, or null for <c>T[]</c>.</summary>
    public int? Length { get; }

    /// <inheritdoc />
    public override string CanonicalName { get; }

    /// <inheritdoc />
    public override bool IsDynamic { get; }

    /// <inheritdoc />
    public override int HeadSize { get; }

    /// <inheritdoc />
    public override int Depth { get; }

    internal override void Encode(object? value, AbiBufferWriter writer, int position)
    {
        var values = AbiValueList.From(value, this);
        if (Length is { } fixedLength)
        {
            if (values.Count != fixedLength)
                throw new AbiEncodingException(this, $"expected exactly {fixedLength} elements, got {values.Count}");
            var elements = AbiSequence.Of(Element, fixedLength);
            if (IsDynamic)
                position = writer.Reserve(elements.HeadSize, this);
            elements.Encode(values, writer, position);
        }
        else
        {
            var lengthPosition = writer.Reserve(AbiWord.Size, this);
            AbiWord.WriteSize(writer.Span(lengthPosition, AbiWord.Size), values.Count);
            var elements = AbiSequence.Of(Element, values.Count);
            var start = writer.Reserve(elements.HeadSize, this);
            elements.Encode(values, writer, start);
        }
    }

    internal override object? Decode(ref AbiReader reader, int position)
    {
        int count;
        var start = position;
        if (Length is { } fixedLength)
        {
            count = fixedLength;
        }
        else
        {
            count = reader.ReadSize(position, "array length");
            start = position + AbiWord.Size;
        }
        // Charged before the element array is allocated, so a huge count of zero-size
        // elements (e.g. "()[]") is refused instead of exhausting memory.
        reader.Charge(AbiWord.Size + 8L * count);
        return AbiSequence.Of(Element, count).Decode(ref reader, start);
    }
}
