namespace Ledger.Contracts.Tests.Artifacts;

/// <summary>The bytes2 country type.</summary>
public sealed class CountryBytesTests
{
    [Fact]
    public void A_code_is_its_two_ascii_letters_big_endian()
    {
        var ch = CountryBytes.FromCode("CH");
        Assert.Equal(0x4348, ch.Value);
        Assert.Equal([0x43, 0x48], ch.ToBytes());
        Assert.Equal(ch, CountryBytes.FromBytes([0x43, 0x48]));
        Assert.True(ch.IsLetters);
        Assert.Equal("CH", ch.ToString());
    }

    [Fact]
    public void Zero_is_no_destination_and_other_bytes_print_as_hex()
    {
        Assert.True(CountryBytes.None.IsNone);
        Assert.False(CountryBytes.None.IsLetters);
        Assert.Equal("none", CountryBytes.None.ToString());
        Assert.Equal("0x6368", new CountryBytes(0x6368).ToString());
        Assert.False(new CountryBytes(0x6368).IsLetters);
    }

    [Theory]
    [InlineData("ch")]
    [InlineData("C")]
    [InlineData("CHE")]
    [InlineData("C1")]
    [InlineData("")]
    public void Anything_but_two_capital_letters_is_refused(string code) =>
        Assert.Throws<ArgumentException>(() => CountryBytes.FromCode(code));

    [Fact]
    public void Only_two_bytes_make_a_bytes2() =>
        Assert.Throws<ArgumentException>(() => CountryBytes.FromBytes([1, 2, 3]));
}
