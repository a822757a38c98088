using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Abi;

/// <summary>
/// Event logs assembled from cast's output (topic 0 from <c>cast sig-event</c>, data from
/// <c>cast abi-encode</c>, indexed values from <c>cast abi-encode</c> or, for strings and bytes,
/// <c>cast keccak</c>) decode to the values, and our own log encoding produces the same log.
/// Indexed arrays and structs are checked against real solc-emitted logs in <see cref="AbiSolidityTests"/>.
/// </summary>
public class AbiEventCastTests
{
    private const int Events = 300;

    [Fact]
    public async Task Logs_built_with_cast_decode_to_the_values_and_encode_back_identically()
    {
        var random = new RandomAbi(424242);
        var events = Enumerable.Range(0, Events).Select(i => RandomEvent(random, i)).ToList();

        var cases = new List<IReadOnlyList<string>>();
        foreach (var (abiEvent, values) in events)
        {
            cases.Add(["sig-event", abiEvent.Signature]);
            var data = abiEvent.Inputs.Select((p, i) => (p, v: values[i])).Where(x => !x.p.Indexed).ToList();
            cases.Add(["abi-encode", "f" + abiEvent.DataType.CanonicalName, .. data.Select(x => RandomAbi.CastArgument(x.p.Type, x.v))]);
            foreach (var (parameter, value) in abiEvent.Inputs.Select((p, i) => (p, values[i])).Where(x => x.p.Indexed))
                cases.Add(TopicCase(parameter.Type, value));
        }
        var outputs = await CastBatch.RunAsync(cases);

        var next = 0;
        var abi = new ContractAbi([], events.Select(e => e.Event).Where(e => !e.Anonymous), []);
        foreach (var (abiEvent, values) in events)
        {
            var castTopic0 = outputs[next++];
            var data = Hex.Decode(outputs[next++]);
            var topics = new List<byte[]>();
            if (!abiEvent.Anonymous)
                topics.Add(Hex.Decode(castTopic0));
            for (var i = 0; i < abiEvent.Inputs.Count(p => p.Indexed); i++)
                topics.Add(Hex.Decode(outputs[next++]));

            Assert.Equal(castTopic0, Hex.Encode(abiEvent.Topic0));
            Assert.Equal(!abiEvent.Anonymous, abiEvent.IsMatch(topics));
            var decoded = abiEvent.DecodeLog(topics, data);
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = abiEvent.Inputs[i];
                if (parameter.Indexed && !parameter.Type.IsWordValue)
                    Assert.Equal(new AbiHashedTopic(AbiEvent.EncodeTopicValue(parameter.Type, values[i])), decoded[i]);
                else
                    AbiValueAssert.Equal(parameter.Type, values[i], decoded[i], $"{abiEvent}.{parameter.Name}");
            }
            var (ourTopics, ourData) = abiEvent.EncodeLog(values);
            Assert.Equal(topics.Select(t => Hex.Encode(t)), ourTopics.Select(t => Hex.Encode(t)));
            Assert.Equal(Hex.Encode(data), Hex.Encode(ourData));
            if (!abiEvent.Anonymous)
                Assert.Same(abiEvent, abi.DecodeLog(topics, data)!.Event);
        }
        Assert.Equal(cases.Count, next);
    }

    private static (AbiEvent Event, object?[] Values) RandomEvent(RandomAbi random, int index)
    {
        var anonymous = random.Next(7) == 0;
        var indexedLeft = anonymous ? 4 : 3;
        var parameters = new List<AbiParameter>();
        foreach (var _ in Enumerable.Range(0, random.Next(1, 6)))
        {
            var indexed = indexedLeft > 0 && random.Next(2) == 0;
            if (indexed)
                indexedLeft--;
            parameters.Add(new AbiParameter(random.Identifier(), indexed ? random.Elementary() : random.Type(), indexed));
        }
        // The index keeps signatures unique, so each topic 0 belongs to one event.
        var abiEvent = new AbiEvent(random.Identifier() + "_" + index, parameters, anonymous);
        return (abiEvent, parameters.Select(p => random.Value(p.Type)).ToArray());
    }

    // A one-word value's topic is its encoding; a string's or bytes' is the Keccak-256 of its content.
    private static IReadOnlyList<string> TopicCase(AbiType type, object? value) => type switch
    {
        AbiStringType => ["keccak", (string)value!],
        AbiBytesType => ["keccak", Hex.Encode((byte[])value!)],
        _ => ["abi-encode", $"f({type})", RandomAbi.CastArgument(type, value)],
    };
}
