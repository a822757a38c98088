using Ledger.Chain.Primitives;

namespace Ledger.Chain.Abi;

/// <summary>
/// A contract event. A log of it has topic 0 = Keccak-256 of the signature (absent for anonymous
/// events), one topic per indexed parameter, and the other parameters ABI-encoded in the data.
/// </summary>
public sealed class AbiEvent
{
    private readonly byte[] _topic0;
    private readonly int _indexedCount;

    /// <summary>Creates an event from its name and parameters (with their <see cref="AbiParameter.Indexed"/> flags).</summary>
    /// <exception cref="ArgumentException">The name is empty, or more parameters are indexed than a log has topics for.</exception>
    public AbiEvent(string name, IEnumerable<AbiParameter> inputs, bool anonymous = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        InputType = new AbiTupleType(inputs);
        Anonymous = anonymous;
        _indexedCount = Inputs.Count(p => p.Indexed);
        var maxIndexed = anonymous ? 4 : 3;
        if (_indexedCount > maxIndexed)
            throw new ArgumentException(
                $"Event {name} has {_indexedCount} indexed parameters; a{(anonymous ? "n anonymous" : "")} event can have at most {maxIndexed}.",
                nameof(inputs));
        DataType = new AbiTupleType(Inputs.Where(p => !p.Indexed));
        Signature = name + InputType.CanonicalName;
        _topic0 = Keccak256.HashUtf8(Signature);
    }

    /// <summary>The event name.</summary>
    public string Name { get; }

    /// <summary>All parameters, in declaration order.</summary>
    public IReadOnlyList<AbiParameter> Inputs => InputType.Components;

    /// <summary>All parameters as one tuple type (the type of decoded logs).</summary>
    public AbiTupleType InputType { get; }

    /// <summary>The non-indexed parameters, which make up the log data.</summary>
    public AbiTupleType DataType { get; }

    /// <summary>Declared <c>anonymous</c>: logs carry no topic 0, so they cannot be recognised by it.</summary>
    public bool Anonymous { get; }

    /// <summary>The canonical signature, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>Keccak-256 of the signature: topic 0 of every log of a non-anonymous event.</summary>
    public ReadOnlySpan<byte> Topic0 => _topic0;

    /// <summary>True when the topics are those of this (non-anonymous) event: topic 0 matches and the count is right.</summary>
    public bool IsMatch(IReadOnlyList<byte[]> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return !Anonymous && topics.Count == _indexedCount + 1 && topics[0].AsSpan().SequenceEqual(_topic0);
    }

    /// <summary>
    /// Decodes a log into all parameters, in declaration order. Indexed parameters of one-word
    /// types are decoded from their topic; indexed strings, bytes, arrays and structs come back
    /// as <see cref="AbiHashedTopic"/>, because the log holds only their hash.
    /// </summary>
    /// <exception cref="AbiDecodingException">The topics do not fit the event or the data does not decode.</exception>
    public AbiTuple DecodeLog(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var context = $"event {Signature}";
        var expectedTopics = _indexedCount + (Anonymous ? 0 : 1);
        if (topics.Count != expectedTopics)
            throw Fail(new AbiDecodingException($"the log has {topics.Count} topics; the event has {expectedTopics}"), context);
        if (!Anonymous && !topics[0].AsSpan().SequenceEqual(_topic0))
            throw Fail(new AbiDecodingException($"topic 0 is {Hex.Encode(topics[0])}, not this event's {Hex.Encode(_topic0)}"), context);

        var dataValues = AbiCodec.Decode(DataType, data, context);
        var values = new object?[Inputs.Count];
        var topicIndex = Anonymous ? 0 : 1;
        var dataIndex = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = Inputs[i];
            values[i] = parameter.Indexed
                ? DecodeTopic(parameter, topics[topicIndex++], AbiPath.Component(parameter.Name, i), context)
                : dataValues[dataIndex++];
        }
        return AbiTuple.Wrap(InputType, values);
    }

    /// <summary>The log a contract would emit for these parameter values (topics, then data).</summary>
    /// <exception cref="AbiEncodingException">A value does not fit its parameter.</exception>
    public (IReadOnlyList<byte[]> Topics, byte[] Data) EncodeLog(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Inputs.Count)
            throw new AbiEncodingException(InputType, $"expected {Inputs.Count} values, got {values.Length}");
        var topics = new List<byte[]>(_indexedCount + 1);
        if (!Anonymous)
            topics.Add(_topic0.ToArray());
        var dataValues = new List<object?>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (Inputs[i].Indexed)
                topics.Add(EncodeTopic(Inputs[i], values[i], i));
            else
                dataValues.Add(values[i]);
        }
        return (topics, AbiCodec.EncodeWithPrefix([], DataType, dataValues, $"event {Signature}"));
    }

    /// <summary>
    /// The topic an indexed parameter of <paramref name="type"/> holding <paramref name="value"/>
    /// has: the value's word for one-word types, otherwise the Keccak-256 of its in-place encoding.
    /// Use it to filter logs by an indexed value.
    /// </summary>
    /// <exception cref="AbiEncodingException">The value does not fit the type.</exception>
    public static byte[] EncodeTopicValue(AbiType type, object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        return AbiTopicEncoder.Encode(type, value);
    }

    /// <summary>The topic of the indexed parameter named <paramref name="parameterName"/> holding <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">No indexed parameter has that name.</exception>
    /// <exception cref="AbiEncodingException">The value does not fit the parameter's type.</exception>
    public byte[] EncodeTopic(string parameterName, object? value)
    {
        for (var i = 0; i < Inputs.Count; i++)
        {
            if (Inputs[i].Indexed && Inputs[i].Name == parameterName)
                return EncodeTopic(Inputs[i], value, i);
        }
        throw new ArgumentException($"Event {Signature} has no indexed parameter named '{parameterName}'.", nameof(parameterName));
    }

    /// <summary>Solidity-like declaration, e.g. <c>event Transfer(address indexed from, ...)</c>.</summary>
    public override string ToString() =>
        $"event {Name}({string.Join(", ", Inputs)}){(Anonymous ? " anonymous" : "")}";

    private byte[] EncodeTopic(AbiParameter parameter, object? value, int index)
    {
        try
        {
            return AbiTopicEncoder.Encode(parameter.Type, value);
        }
        catch (AbiEncodingException e)
        {
            e.PrependPath(AbiPath.Component(parameter.Name, index));
            e.SetContext($"event {Signature}");
            throw;
        }
    }

    private static object? DecodeTopic(AbiParameter parameter, byte[] topic, string segment, string context)
    {
        try
        {
            if (topic is null || topic.Length != Keccak256.Size)
                throw new AbiDecodingException($"a topic must be 32 bytes, got {topic?.Length ?? 0}");
            if (!parameter.Type.IsWordValue)
                return new AbiHashedTopic(topic);
            var reader = new AbiReader(topic);
            return parameter.Type.Decode(ref reader, 0);
        }
        catch (AbiDecodingException e)
        {
            e.SetTypeIfUnknown(parameter.Type);
            e.PrependPath(segment);
            e.SetContext(context);
            throw;
        }
    }

    private static AbiDecodingException Fail(AbiDecodingException e, string context)
    {
        e.SetContext(context);
        return e;
    }
}
