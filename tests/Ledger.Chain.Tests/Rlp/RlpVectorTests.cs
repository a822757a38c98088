using System.Numerics;
using System.Text;
using System.Text.Json;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rlp;
using Ledger.Chain.Tests.Vectors;

namespace Ledger.Chain.Tests.Rlp;

/// <summary>
/// The RLP vectors of ethereum/tests (RLPTests/rlptest.json and invalidRLPTest.json).
/// "listofbinaries" is left out of the copy: its header (0xf8a7) covers only the first four
/// of its elements and trailing zero bytes follow, so no canonical encoder or decoder can
/// reproduce it.
/// </summary>
public class RlpVectorTests
{
    private static readonly JsonElement Valid = TestVectors.Load("rlptest.json");
    private static readonly JsonElement Invalid = TestVectors.Load("invalidRLPTest.json");

    public static TheoryData<string> ValidNames() => new(Valid.EnumerateObject().Select(p => p.Name));

    public static TheoryData<string> InvalidNames() => new(Invalid.EnumerateObject().Select(p => p.Name));

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void Encodes_the_published_output(string name)
    {
        var vector = Valid.GetProperty(name);
        var expected = vector.GetProperty("out").GetString()!;

        Assert.Equal(expected, Hex.Encode(RlpEncoder.Encode(ToItem(vector.GetProperty("in")))));
    }

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void Decodes_the_published_output_back_to_the_input(string name)
    {
        var vector = Valid.GetProperty(name);
        var encoded = Hex.Decode(vector.GetProperty("out").GetString()!);

        var decoded = RlpDecoder.Decode(encoded);

        Assert.Equal(ToItem(vector.GetProperty("in")).ToString(), decoded.ToString());
        Assert.Equal(encoded, RlpEncoder.Encode(decoded));
        Assert.Equal(encoded.Length, decoded.EncodedLength);
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void Rejects_the_published_invalid_encodings(string name)
    {
        var encoded = Hex.Decode(Invalid.GetProperty(name).GetProperty("out").GetString()!);

        Assert.Throws<RlpFormatException>(() => RlpDecoder.Decode(encoded));
    }

    /// <summary>
    /// The vectors' input notation: a JSON string is its bytes (these are all single-byte
    /// characters), "#digits" a big integer, a JSON number an integer, an array a list.
    /// </summary>
    private static RlpItem ToItem(JsonElement input) => input.ValueKind switch
    {
        JsonValueKind.Array => RlpItem.List(input.EnumerateArray().Select(ToItem)),
        JsonValueKind.Number => RlpItem.FromUInt64(input.GetUInt64()),
        JsonValueKind.String when input.GetString()!.StartsWith('#') => RlpItem.FromBigInteger(BigInteger.Parse(input.GetString()![1..])),
        JsonValueKind.String => RlpItem.CopyOf(Encoding.Latin1.GetBytes(input.GetString()!)),
        _ => throw new InvalidDataException($"Unexpected vector input {input.ValueKind}"),
    };
}
