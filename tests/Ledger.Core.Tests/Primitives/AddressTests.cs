using Ledger.Core.Primitives;

namespace Ledger.Core.Tests.Primitives;

public class AddressTests
{
    // The examples published in EIP-55.
    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    public void Checksum_matches_the_eip55_examples(string published)
    {
        var address = Address.Parse(published);
        var allLowerOrUpper = published[2..] == published[2..].ToLowerInvariant() || published[2..] == published[2..].ToUpperInvariant();
        if (!allLowerOrUpper)
            Assert.Equal(published, address.ToChecksumHex());
        Assert.Equal(published.ToLowerInvariant(), address.ToChecksumHex().ToLowerInvariant());
    }

    [Fact]
    public void Parse_rejects_a_wrong_checksum()
    {
        var wrong = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"; // last letter's case flipped
        var error = Assert.Throws<FormatException>(() => Address.Parse(wrong));
        Assert.Contains("checksum", error.Message);
    }

    [Theory]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA")]
    [InlineData("0xZZAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("")]
    public void Parse_rejects_malformed_text(string text) =>
        Assert.False(Address.TryParse(text, out _, out var error) || error is null);

    [Fact]
    public void Default_is_the_zero_address_and_equals_one_built_from_zero_bytes()
    {
        Assert.True(default(Address).IsZero);
        Assert.Equal(new Address(new byte[Address.Size]), Address.Zero);
        Assert.Equal("0x0000000000000000000000000000000000000000", Address.Zero.ToString());
    }
}
