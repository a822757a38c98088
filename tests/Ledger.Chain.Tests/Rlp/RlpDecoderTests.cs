using System.Numerics;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rlp;

namespace Ledger.Chain.Tests.Rlp;

public class RlpDecoderTests
{
    [Theory]
    [InlineData("0x", "empty")]
    [InlineData("0x8180", null)] // canonical: 0x80 needs the header
    [InlineData("0x8100", "single byte below 0x80")]
    [InlineData("0xc0c0", "trailing")]
    [InlineData("0x80ff", "trailing")]
    [InlineData("0x83aabb", "declares 3 bytes but only 2 remain")]
    [InlineData("0xc2c3aabbcc", "only 1 remain")] // inner item overruns its list
    [InlineData("0xb800", "leading zero")]
    [InlineData("0xb837" + "00", "short form")]
    [InlineData("0xf837" + "00", "short form")]
    [InlineData("0xb901", "runs past the end")]
    [InlineData("0xb90100", "declares 256 bytes but only 0 remain")]
    public void Decoding_errors_name_the_problem(string hex, string? problem)
    {
        if (problem is null)
        {
            Assert.Equal("\"0x80\"", RlpDecoder.Decode(Hex.Decode(hex)).ToString());
            return;
        }
        var error = Assert.Throws<RlpFormatException>(() => RlpDecoder.Decode(Hex.Decode(hex)));
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Nesting_is_bounded()
    {
        var deepest = Nest(RlpDecoder.MaxDepth);
        Assert.Equal(deepest, RlpEncoder.Encode(RlpDecoder.Decode(deepest)));

        var error = Assert.Throws<RlpFormatException>(() => RlpDecoder.Decode(Nest(RlpDecoder.MaxDepth + 1)));
        Assert.Contains("nested deeper", error.Message);
    }

    [Fact]
    public void Headers_switch_form_at_55_bytes()
    {
        Assert.Equal(0xb7, RlpEncoder.EncodeBytes(new byte[55])[0]);
        Assert.Equal(new byte[] { 0xb8, 56 }, RlpEncoder.EncodeBytes(new byte[56])[..2]);
        Assert.Equal(new byte[] { 0xb9, 0x01, 0x00 }, RlpEncoder.EncodeBytes(new byte[256])[..3]);
        var list55 = RlpItem.List(Enumerable.Repeat(RlpItem.CopyOf([1]), 55));
        var list56 = RlpItem.List(Enumerable.Repeat(RlpItem.CopyOf([1]), 56));
        Assert.Equal(0xf7, RlpEncoder.Encode(list55)[0]);
        Assert.Equal(new byte[] { 0xf8, 56 }, RlpEncoder.Encode(list56)[..2]);
    }

    [Fact]
    public void Integers_round_trip_in_minimal_form_up_to_uint256()
    {
        var max = (BigInteger.One << 256) - 1;
        Assert.Equal(max, RlpDecoder.Decode(RlpEncoder.Encode(RlpItem.FromBigInteger(max))).ToBigInteger());
        Assert.Equal(ulong.MaxValue, RlpDecoder.Decode(RlpEncoder.Encode(RlpItem.FromUInt64(ulong.MaxValue))).ToUInt64());
        Assert.Equal("0x80", Hex.Encode(RlpEncoder.Encode(RlpItem.FromUInt64(0))));
        Assert.Equal("0x820400", Hex.Encode(RlpEncoder.Encode(RlpItem.FromBigInteger(1024))));
        Assert.Equal("0x820400", Hex.Encode(RlpEncoder.Encode(RlpItem.FromUnsignedBigEndian([0, 0, 4, 0]))));
        Assert.Throws<ArgumentOutOfRangeException>(() => RlpItem.FromBigInteger(-1));
    }

    [Theory]
    [InlineData("0x820001", "leading zero")]
    [InlineData("0x00", "leading zero")] // zero is the empty string, not 0x00
    [InlineData("0x89010000000000000000", "at most 8")]
    [InlineData("0xc0", "list")]
    public void Integer_reads_refuse_non_canonical_or_oversized_values(string hex, string problem)
    {
        var item = RlpDecoder.Decode(Hex.Decode(hex));
        var error = Assert.ThrowsAny<Exception>(() => item.ToUInt64());
        Assert.True(error is FormatException or InvalidOperationException);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void ToBigInteger_bounds_the_size()
    {
        var item = RlpItem.CopyOf(new byte[33] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
        Assert.Throws<FormatException>(() => item.ToBigInteger());
        Assert.Equal(BigInteger.One << 256, item.ToBigInteger(maxBytes: 33));
    }

    [Fact]
    public void Decoded_items_do_not_alias_the_input()
    {
        var input = Hex.Decode("0xc483010203");
        var item = RlpDecoder.Decode(input);
        input[2] = 0xff;
        Assert.Equal("[\"0x010203\"]", item.ToString());
    }

    private static byte[] Nest(int depth)
    {
        var item = RlpItem.EmptyList;
        for (var i = 1; i < depth; i++)
            item = RlpItem.List(item);
        return RlpEncoder.Encode(item);
    }
}
