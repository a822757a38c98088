using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Tests.Abi;

public class RevertDecoderTests
{
    private static readonly AbiError Exhausted = new("PermitExhausted",
        [new("permitKey", AbiFixedBytesType.Bytes32), new("remaining", AbiIntegerType.UInt256)]);

    [Fact]
    public void Standard_selectors_are_the_published_ones()
    {
        Assert.Equal("0x08c379a0", Hex.Encode(AbiError.ErrorString.Selector));
        Assert.Equal("0x4e487b71", Hex.Encode(AbiError.Panic.Selector));
    }

    [Fact]
    public void Empty_revert_data_is_a_revert_without_reason() =>
        Assert.IsType<EmptyRevert>(RevertDecoder.Standard.Decode([]));

    [Fact]
    public void A_custom_error_reads_as_its_name_and_named_arguments()
    {
        var key = Keccak256.HashUtf8("CH/2026/000123");
        var decoder = new RevertDecoder([Exhausted]);

        var reason = Assert.IsType<CustomErrorRevert>(decoder.Decode(Exhausted.EncodeRevertData(key, 0)));

        Assert.Equal("PermitExhausted", reason.Name);
        Assert.Equal(key, reason.Arguments.Get<byte[]>("permitKey"));
        Assert.Equal($"PermitExhausted(permitKey={Hex.Encode(key)}, remaining=0)", reason.Message);
    }

    [Fact]
    public void Panic_codes_are_explained()
    {
        var reason = Assert.IsType<PanicRevert>(RevertDecoder.Standard.Decode(AbiError.Panic.EncodeRevertData(PanicCode.DivisionByZero)));

        Assert.Contains("division or modulo by zero", reason.Message);
        Assert.Contains("code 0x12", reason.Message);
    }

    [Theory]
    [InlineData(0x01, "assert")]
    [InlineData(0x11, "overflow")]
    [InlineData(0x12, "division")]
    [InlineData(0x21, "enum")]
    [InlineData(0x22, "storage byte array")]
    [InlineData(0x31, "pop()")]
    [InlineData(0x32, "out of bounds")]
    [InlineData(0x41, "memory")]
    [InlineData(0x51, "internal function")]
    [InlineData(0x99, "unknown panic code 0x99")]
    [InlineData(-1, "unknown panic code")]
    public void Every_documented_panic_code_has_a_meaning(int code, string expected) =>
        Assert.Contains(expected, PanicCode.Describe(code));

    [Theory]
    [InlineData("0x08c379", "shorter than a 4-byte error selector")]
    [InlineData("0x08c379a0", "has the Error(string) selector but the arguments do not decode")]
    [InlineData("0x4e487b710000", "has the Panic(uint256) selector but")]
    [InlineData("0xdeadbeef", "no known error has the selector 0xdeadbeef")]
    public void Undecodable_data_comes_back_as_unknown_with_an_explanation(string data, string expected)
    {
        var reason = Assert.IsType<UnknownRevert>(new RevertDecoder([Exhausted]).Decode(Hex.Decode(data)));

        Assert.Contains(expected, reason.Explanation);
        Assert.Contains(data, reason.Message);
    }

    [Fact]
    public void A_known_selector_with_broken_arguments_says_which_error_it_resembles()
    {
        var data = Exhausted.EncodeRevertData(new byte[32], 1)[..40];

        var reason = Assert.IsType<UnknownRevert>(new RevertDecoder([Exhausted]).Decode(data));

        Assert.Contains("PermitExhausted(bytes32,uint256)", reason.Explanation);
    }

    [Fact]
    public void Random_revert_data_never_throws()
    {
        var random = new Random(31337);
        var decoder = new RevertDecoder([Exhausted, AbiError.Parse("Other(string[],(bytes,uint8)[])")]);
        var selectors = new[] { AbiError.ErrorString.Selector.ToArray(), AbiError.Panic.Selector.ToArray(), Exhausted.Selector.ToArray(),
            AbiError.Parse("Other(string[],(bytes,uint8)[])").Selector.ToArray() };
        for (var i = 0; i < 5000; i++)
        {
            var data = new byte[random.Next(0, 300)];
            random.NextBytes(data);
            if (data.Length >= 4 && random.Next(2) == 0)
                selectors[random.Next(selectors.Length)].CopyTo(data, 0);
            Assert.False(string.IsNullOrEmpty(decoder.Decode(data).Message));
        }
    }
}
