using Ledger.Gateway.Text;

namespace Ledger.Gateway.Tests.Text;

public sealed class PrefixedHexTests
{
    [Theory]
    [InlineData("0xABCDEF0123", "0xabcdef0123")]
    [InlineData(" 0Xabcdef0123 ", "0xabcdef0123")]
    public void Accepted_forms_normalise_to_lower_case_with_0x(string text, string expected)
    {
        Assert.True(PrefixedHex.TryNormalise(text, 10, out var normalised));
        Assert.Equal(expected, normalised);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abcdef0123")]
    [InlineData("0xabcdef012")]
    [InlineData("0xabcdef01234")]
    [InlineData("0xabcdef012g")]
    [InlineData("0x abcdef012")]
    [InlineData("1xabcdef0123")]
    public void Anything_else_is_refused(string? text)
    {
        Assert.False(PrefixedHex.TryNormalise(text, 10, out var normalised));
        Assert.Null(normalised);
    }
}
