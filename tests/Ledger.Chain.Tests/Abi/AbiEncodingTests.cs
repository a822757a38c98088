using System.Numerics;
using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Tests.Abi;

/// <summary>
/// What the encoder accepts (the .NET shapes callers naturally have) and how it refuses values
/// that do not fit: a clear message naming the parameter, its type and the problem.
/// </summary>
public class AbiEncodingTests
{
    private static readonly AbiTupleType Line = new([new("amount", AbiIntegerType.UInt(8)), new("unit", AbiStringType.Instance)]);

    private static readonly AbiFunction Register = new("register",
        [new("key", AbiFixedBytesType.Bytes32), new("lines", new AbiArrayType(Line))]);

    [Fact]
    public void An_out_of_range_integer_names_the_parameter_its_type_and_the_range()
    {
        var e = Assert.Throws<AbiEncodingException>(() => AbiFunction.Parse("f(uint8)").EncodeCall(300));

        Assert.Equal("#0", e.ParameterPath);
        Assert.Equal("uint8", e.TypeName);
        Assert.Contains("300 is outside the range of uint8 (0..255)", e.Message);
        Assert.Contains("call to f(uint8)", e.Message);
    }

    [Fact]
    public void A_bad_value_deep_inside_arguments_is_located_by_its_path()
    {
        var key = new byte[32];
        object[] lines = [new object[] { 1, "kg" }, new object[] { 256, "g" }];

        var e = Assert.Throws<AbiEncodingException>(() => Register.EncodeCall(key, lines));

        Assert.Equal("lines[1].amount", e.ParameterPath);
        Assert.Equal("Cannot ABI-encode argument 'lines[1].amount' (uint8) for call to register(bytes32,(uint8,string)[]): " +
            "256 is outside the range of uint8 (0..255)", e.Message);
    }

    [Theory]
    [InlineData("int8", -129)]
    [InlineData("int8", 128)]
    [InlineData("uint256", -1)]
    [InlineData("uint16", 65536)]
    public void Integers_outside_their_type_are_refused(string type, long value) =>
        Assert.Throws<AbiEncodingException>(() => Encode(type, value));

    [Fact]
    public void Integer_range_ends_are_accepted()
    {
        Assert.Equal(32, Encode("int8", -128).Length);
        Assert.Equal(32, Encode("uint256", (BigInteger.One << 256) - 1).Length);
        Assert.Throws<AbiEncodingException>(() => Encode("uint256", BigInteger.One << 256));
        Assert.Throws<AbiEncodingException>(() => Encode("int256", -(BigInteger.One << 255) - 1));
    }

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public void Values_of_the_wrong_kind_are_refused_with_what_was_expected(string type, object? value, string expected)
    {
        var e = Assert.Throws<AbiEncodingException>(() => Encode(type, value));

        Assert.Contains(expected, e.Problem);
    }

    public static TheoryData<string, object?, string> WrongShapes() => new()
    {
        { "address", "0xde709f2102306220921060314715629080e2fb77", "expected an Address, got a string" },
        { "bool", 1, "expected a bool" },
        { "uint256", 1.5, "expected an integer" },
        { "uint256", null, "got null" },
        { "bytes3", new byte[] { 1, 2, 3, 4 }, "expected exactly 3 bytes, got 4" },
        { "bytes", "text", "expected bytes" },
        { "string", new byte[] { 1 }, "expected a string" },
        { "uint8[2]", new[] { 1, 2, 3 }, "expected exactly 2 elements, got 3" },
        { "uint8[]", 5, "expected a list" },
        { "(uint8,bool)", new object[] { 1 }, "expected 2 values, got 1" },
    };

    // Not theory data: xunit's serialisation of test cases would repair the lone surrogate.
    [Fact]
    public void A_string_that_is_not_valid_UTF16_is_refused() =>
        Assert.Contains("lone surrogate", Assert.Throws<AbiEncodingException>(() => Encode("string", "broken \ud800 surrogate")).Problem);

    [Fact]
    public void Common_dotnet_shapes_encode_like_their_canonical_values()
    {
        var canonical = AbiCodec.Encode((AbiTupleType)AbiType.Parse("(uint8,int64,uint8[],(bool,bytes),bytes2)"),
            new BigInteger(3), new BigInteger(-5), new object[] { BigInteger.One, new BigInteger(2) },
            new object[] { true, new byte[] { 9 } }, new byte[] { 1, 2 });

        var natural = AbiCodec.Encode((AbiTupleType)AbiType.Parse("(uint8,int64,uint8[],(bool,bytes),bytes2)"),
            Status.Exhausted, -5L, new List<byte> { 1, 2 }, (true, new ReadOnlyMemory<byte>([9])), new ArraySegment<byte>([0, 1, 2], 1, 2));

        Assert.Equal(Hex.Encode(canonical), Hex.Encode(natural));
    }

    [Fact]
    public void Decoded_tuples_can_be_encoded_again()
    {
        var calldata = Register.EncodeCall(new byte[32], new object[] { new object[] { 7, "kg" } });
        var decoded = Register.DecodeInput(calldata);

        Assert.Equal(Hex.Encode(calldata), Hex.Encode(Register.EncodeCall([.. decoded])));
        var line = Assert.IsType<AbiTuple>(decoded.Get<IReadOnlyList<object?>>("lines")[0]);
        Assert.Equal("kg", line.Get<string>("unit"));
        Assert.Equal(new BigInteger(7), line["amount"]);
        Assert.Throws<KeyNotFoundException>(() => line["weight"]);
        Assert.Throws<InvalidCastException>(() => line.Get<string>("amount"));
    }

    // cast rejects these shapes, so they are pinned here by the specification's rules: an empty
    // tuple and a zero-length array encode to nothing in place; inside a dynamic array the
    // elements take no head space, so only the length is written.
    [Fact]
    public void Zero_size_types_follow_the_specification()
    {
        object[] none = [];
        Assert.Equal("0x", Hex.Encode(Encode("()", none)));
        Assert.Equal("0x", Hex.Encode(Encode("uint8[0]", none)));
        var emptyTuples = Encode("()[]", new object[] { none, none });
        Assert.Equal("0x" + Word(32) + Word(2), Hex.Encode(emptyTuples));
        var noStrings = AbiCodec.Encode(AbiTupleType.Of(AbiType.Parse("string[0]"), AbiBoolType.Instance), none, true);
        Assert.Equal("0x" + Word(64) + Word(1), Hex.Encode(noStrings));

        Assert.Equal(2, ((IReadOnlyList<object?>)AbiCodec.Decode(AbiTupleType.Of(AbiType.Parse("()[]")), emptyTuples)[0]!).Count);
        Assert.Empty((IReadOnlyList<object?>)AbiCodec.Decode(AbiTupleType.Of(AbiType.Parse("string[0]"), AbiBoolType.Instance), noStrings)[0]!);
    }

    [Fact]
    public void Functions_without_parameters_are_the_bare_selector()
    {
        var function = AbiFunction.Parse("totalSupply()(uint256)");

        Assert.Equal(Hex.Encode(function.Selector), Hex.Encode(function.EncodeCall()));
        Assert.Equal("totalSupply()(uint256)", function.ToString());
    }

    [Fact]
    public void Deployment_data_is_the_bytecode_followed_by_the_arguments()
    {
        var constructor = new AbiConstructor([new("name", AbiStringType.Instance)]);
        byte[] bytecode = [0x60, 0x80, 0x60, 0x40];

        var data = constructor.EncodeDeployment(bytecode, "ledger");

        Assert.Equal(bytecode, data[..4]);
        Assert.Equal(AbiCodec.Encode(constructor.InputType, "ledger"), data[4..]);
    }

    private static byte[] Encode(string type, object? value) => AbiCodec.Encode(AbiTupleType.Of(AbiType.Parse(type)), value);

    private static string Word(int value) => value.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    private enum Status : byte
    {
        Valid = 1,
        Cancelled = 2,
        Exhausted = 3,
    }
}
