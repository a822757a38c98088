namespace Ledger.Chain.Abi;

/// <summary>
/// The head/tail layout shared by tuples and arrays: heads in order (static values in place,
/// offsets for dynamic ones, relative to the start of the sequence), then the tails of the
/// dynamic values. Arrays are sequences of one repeated type, tuples of their component types.
/// </summary>
internal readonly struct AbiSequence
{
    private readonly AbiTupleType? _tuple;
    private readonly AbiType? _element;

    private AbiSequence(AbiTupleType? tuple, AbiType? element, int count, long headSize)
    {
        _tuple = tuple;
        _element = element;
        Count = count;
        HeadSize = headSize;
    }

    public int Count { get; }

    /// <summary>Bytes of the head area (long: an array's count times its element size can overflow int).</summary>
    public long HeadSize { get; }

    public static AbiSequence Of(AbiTupleType tuple) =>
        new(tuple, null, tuple.Components.Count, tuple.ComponentsHeadSize);

    public static AbiSequence Of(AbiType element, int count) =>
        new(null, element, count, (long)count * element.HeadSize);

    /// <summary>Encodes the values with heads at <paramref name="start"/>, where the head area is already reserved.</summary>
    public void Encode(in AbiValueList values, AbiBufferWriter writer, int start)
    {
        var headPosition = start;
        for (var i = 0; i < Count; i++)
        {
            var type = TypeAt(i);
            try
            {
                if (type.IsDynamic)
                {
                    var tailPosition = writer.Length;
                    AbiWord.WriteSize(writer.Span(headPosition, AbiWord.Size), tailPosition - start);
                    type.Encode(values[i], writer, tailPosition);
                }
                else
                {
                    type.Encode(values[i], writer, headPosition);
                }
            }
            catch (AbiEncodingException e)
            {
                e.PrependPath(SegmentAt(i));
                throw;
            }
            headPosition += type.HeadSize;
        }
    }

    /// <summary>Decodes the values whose heads start at <paramref name="start"/>.</summary>
    public object?[] Decode(ref AbiReader reader, int start)
    {
        if (start + HeadSize > reader.Length)
            throw new AbiDecodingException(
                $"{Count} values need {HeadSize} bytes of heads from byte {start}, but the data has only {reader.Length} bytes",
                start);
        var values = new object?[Count];
        var headPosition = start;
        for (var i = 0; i < Count; i++)
        {
            var type = TypeAt(i);
            try
            {
                if (type.IsDynamic)
                {
                    var offset = reader.ReadSize(headPosition, "offset");
                    var tailPosition = (long)start + offset;
                    if (tailPosition > reader.Length)
                        throw new AbiDecodingException(
                            $"offset {offset} points to byte {tailPosition}, outside the {reader.Length} bytes of data",
                            headPosition);
                    values[i] = type.Decode(ref reader, (int)tailPosition);
                }
                else
                {
                    values[i] = type.Decode(ref reader, headPosition);
                }
            }
            catch (AbiDecodingException e)
            {
                e.SetTypeIfUnknown(type);
                e.PrependPath(SegmentAt(i));
                throw;
            }
            headPosition += type.HeadSize;
        }
        return values;
    }

    private AbiType TypeAt(int index) => _tuple is not null ? _tuple.ComponentTypes[index] : _element!;

    private string SegmentAt(int index) =>
        _tuple is not null ? AbiPath.Component(_tuple.Components[index].Name, index) : AbiPath.Element(index);
}
