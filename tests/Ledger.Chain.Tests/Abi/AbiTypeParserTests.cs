using Ledger.Chain.Abi;

namespace Ledger.Chain.Tests.Abi;

public class AbiTypeParserTests
{
    [Theory]
    [InlineData("uint256", "uint256", false, 32)]
    [InlineData("uint", "uint256", false, 32)]
    [InlineData("int", "int256", false, 32)]
    [InlineData("uint8[3]", "uint8[3]", false, 96)]
    [InlineData("bytes32", "bytes32", false, 32)]
    [InlineData("bytes", "bytes", true, 32)]
    [InlineData("string[2]", "string[2]", true, 32)]
    [InlineData("(uint,(bool,address)[2])", "(uint256,(bool,address)[2])", false, 160)]
    [InlineData("tuple(uint,string)[]", "(uint256,string)[]", true, 32)]
    [InlineData("()", "()", false, 0)]
    [InlineData("uint8[0]", "uint8[0]", false, 0)]
    [InlineData("uint256[][3][]", "uint256[][3][]", true, 32)]
    public void Types_parse_to_their_canonical_form(string text, string canonical, bool dynamic, int headSize)
    {
        var type = AbiType.Parse(text);

        Assert.Equal(canonical, type.CanonicalName);
        Assert.Equal(dynamic, type.IsDynamic);
        Assert.Equal(headSize, type.HeadSize);
        Assert.Equal(type, AbiType.Parse(canonical));
    }

    [Theory]
    [InlineData("uint7", "multiple of 8")]
    [InlineData("uint264", "multiple of 8")]
    [InlineData("int0", "multiple of 8")]
    [InlineData("uint08", "leading zero")]
    [InlineData("bytes0", "from 1 to 32")]
    [InlineData("bytes33", "from 1 to 32")]
    [InlineData("address20", "unknown type 'address20'")]
    [InlineData("float", "unknown type 'float'")]
    [InlineData("fixed128x18", "fixed-point types are not supported")]
    [InlineData("function", "'function' type is not supported")]
    [InlineData("tuple", "needs its components")]
    [InlineData("uint256[", "expected digits and ']'")]
    [InlineData("uint256[x]", "expected digits and ']'")]
    [InlineData("uint256[01]", "leading zeros")]
    [InlineData("uint256[1000001]", "above the limit")]
    [InlineData("uint256[99999999999]", "above the limit")]
    [InlineData("uint256[1000000]", "static types are limited")]
    [InlineData("(uint256", "not closed")]
    [InlineData("(uint256,)", "expected a type")]
    [InlineData("(uint256 bool)", "expected ',' or ')'")]
    [InlineData("uint256 ", "unexpected ' '")]
    [InlineData("", "empty")]
    public void Invalid_types_are_refused_with_the_reason(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => AbiType.Parse(text));

        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Nesting_is_bounded()
    {
        var deepest = "uint8" + string.Concat(Enumerable.Repeat("[]", AbiLimits.MaxTypeDepth));
        Assert.Equal(AbiLimits.MaxTypeDepth, AbiType.Parse(deepest).Depth);
        Assert.Contains("levels deep", Assert.Throws<FormatException>(() => AbiType.Parse(deepest + "[]")).Message);

        var tuples = new string('(', 5_000) + "uint8" + new string(')', 5_000);
        Assert.Contains("levels deep", Assert.Throws<FormatException>(() => AbiType.Parse(tuples)).Message);
        Assert.Contains("characters long", Assert.Throws<FormatException>(() => AbiType.Parse(new string('(', 20_000))).Message);
    }

    [Theory]
    [InlineData("transfer(address,uint)", "transfer", "(address,uint256)", null)]
    [InlineData("balanceOf(address)(uint256)", "balanceOf", "(address)", "(uint256)")]
    [InlineData("_f$2()", "_f$2", "()", null)]
    public void Signatures_split_into_name_inputs_and_outputs(string text, string name, string inputs, string? outputs)
    {
        var function = AbiFunction.Parse(text);

        Assert.Equal(name, function.Name);
        Assert.Equal(inputs, function.InputType.CanonicalName);
        Assert.Equal(outputs ?? "()", function.OutputType.CanonicalName);
    }

    [Theory]
    [InlineData("(uint256)", "expected a name")]
    [InlineData("2f()", "may not start with a digit")]
    [InlineData("f", "expected '('")]
    [InlineData("f(uint256)x", "unexpected 'x'")]
    public void Malformed_signatures_are_refused(string text, string reason) =>
        Assert.Contains(reason, Assert.Throws<FormatException>(() => AbiFunction.Parse(text)).Message);

    [Fact]
    public void Errors_have_no_outputs() =>
        Assert.Throws<FormatException>(() => AbiError.Parse("Oops(uint256)(bool)"));
}
