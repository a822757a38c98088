using Ledger.Core.Primitives;

namespace Ledger.Core.Tests.Primitives;

public class Bytes32Tests
{
    [Fact]
    public void Bytes_round_trip_through_hex_in_order()
    {
        var bytes = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray();
        var value = new Bytes32(bytes);

        Assert.Equal(bytes, value.ToArray());
        Assert.Equal("0x" + Convert.ToHexStringLower(bytes), value.ToHex());
        Assert.True(Bytes32.TryParseHex(value.ToHex(), out var parsed, out _));
        Assert.Equal(value, parsed);
        Assert.Equal(value.GetHashCode(), parsed.GetHashCode());
    }

    [Theory]
    [InlineData("0X00000000000000000000000000000000000000000000000000000000000000AB")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000ab")]
    [InlineData("  0x00000000000000000000000000000000000000000000000000000000000000aB \n")]
    public void Parse_accepts_either_case_prefix_and_surrounding_whitespace(string text)
    {
        Assert.True(Bytes32.TryParseHex(text, out var value, out var error), error);
        Assert.Equal(0xAB, value.ToArray()[31]);
        Assert.False(value.IsZero);
    }

    [Theory]
    [InlineData(null, "got 0")]
    [InlineData("0x", "got 0")]
    [InlineData("0x000000000000000000000000000000000000000000000000000000000000000", "got 63")]
    [InlineData("0x000000000000000000000000000000000000000000000000000000000000000000", "got 66")]
    [InlineData("0x00000000000000000000000000000000000000000000000000000000000000g0", "'g' at digit 63")]
    public void Parse_names_the_problem(string? text, string expected)
    {
        Assert.False(Bytes32.TryParseHex(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Default_is_zero_and_differs_from_any_nonzero_value()
    {
        var one = new byte[32];
        one[0] = 1;
        Assert.True(Bytes32.Zero.IsZero);
        Assert.Equal(new Bytes32(new byte[32]), Bytes32.Zero);
        Assert.NotEqual(Bytes32.Zero, new Bytes32(one));
        Assert.True(new Bytes32(one) != Bytes32.Zero);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    public void Constructor_rejects_other_lengths(int length) =>
        Assert.Throws<ArgumentException>(() => new Bytes32(new byte[length]));
}
