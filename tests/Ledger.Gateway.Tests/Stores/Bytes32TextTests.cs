using Ledger.Gateway.Stores;

namespace Ledger.Gateway.Tests.Stores;

public sealed class Bytes32TextTests
{
    private const string Digits = "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789";

    [Theory]
    [InlineData("0x" + "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData(" 0X" + Digits + " ")]
    public void Accepted_forms_normalise_to_lower_case_with_0x(string text)
    {
        Assert.True(Bytes32Text.TryNormalise(text, out var normalised));
        Assert.Equal("0x" + Digits, normalised);
    }

    [Fact]
    public void A_normalised_key_is_kept_as_it_is()
    {
        var key = "0x" + Digits;
        Assert.True(Bytes32Text.TryNormalise(key, out var normalised));
        Assert.Same(key, normalised);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(Digits)]
    [InlineData("0x" + "abcdef0123456789abcdef0123456789abcdef0123456789abcdef012345678")]
    [InlineData("0x" + Digits + "0")]
    [InlineData("0x" + "abcdef0123456789abcdef0123456789abcdef0123456789abcdef012345678g")]
    [InlineData("0x " + Digits)]
    [InlineData("1x" + Digits)]
    public void Anything_else_is_refused(string? text)
    {
        Assert.False(Bytes32Text.TryNormalise(text, out var normalised));
        Assert.Null(normalised);
    }
}
