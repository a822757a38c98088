using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Abi;

/// <summary>
/// The encoder and decoder against Foundry's cast (alloy's ABI implementation) on seeded
/// random nested and dynamic types and values, 1,000 cases per batch.
/// </summary>
public class AbiCastDifferentialTests
{
    private const int Cases = 1000;

    [Fact]
    public async Task Encoding_matches_cast_abi_encode_and_decodes_back_to_the_values()
    {
        var random = new RandomAbi(20261122);
        var cases = Enumerable.Range(0, Cases).Select(_ => RandomCase(random)).ToList();

        var outputs = await CastBatch.RunAsync(cases
            .Select(c => (IReadOnlyList<string>)["abi-encode", "f" + c.Types.CanonicalName, .. CastArguments(c)])
            .ToList());

        for (var i = 0; i < Cases; i++)
        {
            var (types, values) = cases[i];
            var ours = AbiCodec.Encode(types, values);
            Assert.True(outputs[i] == Hex.Encode(ours), $"case {i}: {types}\ncast: {outputs[i]}\nours: {Hex.Encode(ours)}");
            var decoded = AbiCodec.Decode(types, Hex.Decode(outputs[i]));
            AbiValueAssert.Equal(types, values, decoded, $"case {i} {types}");
        }
    }

    [Fact]
    public async Task Calldata_matches_cast_calldata_and_decodes_back_to_the_arguments()
    {
        var random = new RandomAbi(7_000_003);
        var functions = Enumerable.Range(0, Cases).Select(_ =>
        {
            var (types, values) = RandomCase(random);
            return (Function: new AbiFunction(random.Identifier(), types.Components), Values: values);
        }).ToList();

        var outputs = await CastBatch.RunAsync(functions
            .Select(f => (IReadOnlyList<string>)["calldata", f.Function.Signature, .. CastArguments((f.Function.InputType, f.Values))])
            .ToList());

        for (var i = 0; i < Cases; i++)
        {
            var (function, values) = functions[i];
            Assert.True(outputs[i] == Hex.Encode(function.EncodeCall(values)), $"case {i}: {function.Signature}");
            var decoded = function.DecodeInput(Hex.Decode(outputs[i]));
            AbiValueAssert.Equal(function.InputType, values, decoded, $"case {i} {function.Signature}");
        }
    }

    [Fact]
    public async Task Decoding_non_canonical_encodings_agrees_with_cast_decode_abi()
    {
        var random = new RandomAbi(1_234_567);
        var scrambler = new ScramblingEncoder(random.Random);
        var cases = Enumerable.Range(0, Cases).Select(_ =>
        {
            var (types, values) = RandomCase(random, minCount: 1);
            return (Types: types, Values: values, Data: scrambler.Encode(types, values));
        }).ToList();

        var outputs = await CastBatch.RunAsync(cases
            .Select(c => (IReadOnlyList<string>)["decode-abi", "--json", "f()" + c.Types.CanonicalName, Hex.Encode(c.Data)])
            .ToList());

        for (var i = 0; i < Cases; i++)
        {
            var (types, values, data) = cases[i];
            var castValues = CastJson.ReadValues(types, outputs[i]);
            var ours = AbiCodec.Decode(types, data);
            AbiValueAssert.Equal(types, castValues, ours, $"case {i} {types} data {Hex.Encode(data)}");
            AbiValueAssert.Equal(types, values, ours, $"case {i} {types}");
        }
    }

    private static (AbiTupleType Types, object?[] Values) RandomCase(RandomAbi random, int minCount = 0)
    {
        var types = random.Tuple(random.Next(minCount, 5));
        return (types, types.Components.Select(c => random.Value(c.Type)).ToArray());
    }

    private static IEnumerable<string> CastArguments((AbiTupleType Types, object?[] Values) c) =>
        c.Values.Select((v, i) => RandomAbi.CastArgument(c.Types.Components[i].Type, v));
}
