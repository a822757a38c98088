using System.Numerics;
using System.Text;
using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Tests.Abi;

/// <summary>
/// The worked examples of the Solidity "Contract ABI Specification" (docs/abi-spec.rst), with
/// the published hex copied verbatim: selectors, heads, offsets and tails.
/// </summary>
public class AbiSpecExampleTests
{
    [Fact]
    public void Baz_with_69_and_true()
    {
        var baz = AbiFunction.Parse("baz(uint32,bool)");

        var calldata = baz.EncodeCall(69, true);

        Assert.Equal("0xcdcd77c0", Hex.Encode(baz.Selector));
        Assert.Equal(
            "0xcdcd77c0" +
            "0000000000000000000000000000000000000000000000000000000000000045" +
            "0000000000000000000000000000000000000000000000000000000000000001",
            Hex.Encode(calldata));
        var decoded = baz.DecodeInput(calldata);
        Assert.Equal(new BigInteger(69), decoded[0]);
        Assert.Equal(true, decoded[1]);
    }

    [Fact]
    public void Baz_returning_false_is_a_single_zero_word()
    {
        var baz = AbiFunction.Parse("baz(uint32,bool)(bool)");

        var output = baz.DecodeOutput(Hex.Decode("0x0000000000000000000000000000000000000000000000000000000000000000"));

        Assert.Equal(false, Assert.Single(output));
    }

    [Fact]
    public void Bar_with_two_bytes3()
    {
        var bar = AbiFunction.Parse("bar(bytes3[2])");

        var calldata = bar.EncodeCall(new object[] { new[] { Ascii("abc"), Ascii("def") } });

        Assert.Equal(
            "0xfce353f6" +
            "6162630000000000000000000000000000000000000000000000000000000000" +
            "6465660000000000000000000000000000000000000000000000000000000000",
            Hex.Encode(calldata));
    }

    [Fact]
    public void Sam_with_dave_true_and_1_2_3()
    {
        var sam = AbiFunction.Parse("sam(bytes,bool,uint[])");

        var calldata = sam.EncodeCall(Ascii("dave"), true, new BigInteger[] { 1, 2, 3 });

        Assert.Equal("sam(bytes,bool,uint256[])", sam.Signature);
        Assert.Equal(
            "0xa5643bf2" +
            "0000000000000000000000000000000000000000000000000000000000000060" +
            "0000000000000000000000000000000000000000000000000000000000000001" +
            "00000000000000000000000000000000000000000000000000000000000000a0" +
            "0000000000000000000000000000000000000000000000000000000000000004" +
            "6461766500000000000000000000000000000000000000000000000000000000" +
            "0000000000000000000000000000000000000000000000000000000000000003" +
            "0000000000000000000000000000000000000000000000000000000000000001" +
            "0000000000000000000000000000000000000000000000000000000000000002" +
            "0000000000000000000000000000000000000000000000000000000000000003",
            Hex.Encode(calldata));
        Assert.Equal(292, calldata.Length);
        var decoded = sam.DecodeInput(calldata);
        Assert.Equal(Ascii("dave"), decoded[0]);
        Assert.Equal(new object[] { BigInteger.One, new BigInteger(2), new BigInteger(3) }, (IReadOnlyList<object?>)decoded[2]!);
    }

    [Fact]
    public void F_with_dynamic_types_between_static_ones()
    {
        var f = AbiFunction.Parse("f(uint,uint32[],bytes10,bytes)");

        var calldata = f.EncodeCall(0x123, new[] { 0x456, 0x789 }, Ascii("1234567890"), Ascii("Hello, world!"));

        Assert.Equal("0x8be65246", Hex.Encode(f.Selector));
        Assert.Equal(
            "0x8be65246" +
            "0000000000000000000000000000000000000000000000000000000000000123" +
            "0000000000000000000000000000000000000000000000000000000000000080" +
            "3132333435363738393000000000000000000000000000000000000000000000" +
            "00000000000000000000000000000000000000000000000000000000000000e0" +
            "0000000000000000000000000000000000000000000000000000000000000002" +
            "0000000000000000000000000000000000000000000000000000000000000456" +
            "0000000000000000000000000000000000000000000000000000000000000789" +
            "000000000000000000000000000000000000000000000000000000000000000d" +
            "48656c6c6f2c20776f726c642100000000000000000000000000000000000000",
            Hex.Encode(calldata));
        var decoded = f.DecodeInput(calldata);
        Assert.Equal(Ascii("Hello, world!"), decoded[3]);
    }

    // The spec lists this encoding line by line, with the offsets f = 0x40 and g = 0x140
    // worked out in the text; the lines are assembled here in the published order.
    [Fact]
    public void G_with_nested_dynamic_arrays_and_strings()
    {
        var g = AbiFunction.Parse("g(uint[][],string[])");
        string[] lines =
        [
            "0000000000000000000000000000000000000000000000000000000000000040",
            "0000000000000000000000000000000000000000000000000000000000000140",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000040",
            "00000000000000000000000000000000000000000000000000000000000000a0",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "0000000000000000000000000000000000000000000000000000000000000060",
            "00000000000000000000000000000000000000000000000000000000000000a0",
            "00000000000000000000000000000000000000000000000000000000000000e0",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "6f6e650000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "74776f0000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000005",
            "7468726565000000000000000000000000000000000000000000000000000000",
        ];

        var calldata = g.EncodeCall(new[] { new[] { 1, 2 }, new[] { 3 } }, new[] { "one", "two", "three" });

        Assert.Equal("0x2289b18c" + string.Concat(lines), Hex.Encode(calldata));
        var decoded = g.DecodeInput(calldata);
        Assert.Equal("[[1, 2], [3]]", AbiValueText.Format(decoded[0]));
        Assert.Equal("[\"one\", \"two\", \"three\"]", AbiValueText.Format(decoded[1]));
    }

    // The spec notes the embedded encodings do not depend on the order of the root arrays.
    [Fact]
    public void G_with_swapped_parameters_reuses_the_embedded_encodings()
    {
        var swapped = AbiCodec.Encode((AbiTupleType)AbiType.Parse("(string[],uint256[][])"),
            new[] { "one", "two", "three" }, new[] { new[] { 1, 2 }, new[] { 3 } });
        var original = AbiCodec.Encode((AbiTupleType)AbiType.Parse("(uint256[][],string[])"),
            new[] { new[] { 1, 2 }, new[] { 3 } }, new[] { "one", "two", "three" });

        var stringsPart = original.AsSpan(0x140).ToArray();
        var arraysPart = original.AsSpan(0x40, 0x140 - 0x40).ToArray();
        Assert.Equal(stringsPart, swapped.AsSpan(0x40, stringsPart.Length).ToArray());
        Assert.Equal(arraysPart, swapped.AsSpan(0x40 + stringsPart.Length).ToArray());
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
