using System.Numerics;
using Ledger.Core.Permits;

namespace Ledger.Core.Tests.Permits;

public class QuantitiesTests
{
    [Fact]
    public void Max_amount_is_the_uint96_limit()
    {
        Assert.Equal((BigInteger.One << 96) - 1, (BigInteger)Quantities.MaxAmount);
        Assert.Equal(16, Quantities.MaxLines);
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData(" 12 ", "12")]
    [InlineData("0007", "7")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")] // 2^96 - 1
    public void Decimal_amounts_are_parsed(string text, string expected)
    {
        Assert.True(Quantities.TryParseAmount(text, out var amount, out var error), error);
        Assert.Equal(UInt128.Parse(expected), amount);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(null, "empty")]
    [InlineData("0", "must be positive")]
    [InlineData("000", "must be positive")]
    [InlineData("-1", "digits 0-9 only")]
    [InlineData("+1", "digits 0-9 only")]
    [InlineData("1.5", "digits 0-9 only")]
    [InlineData("1 000", "digits 0-9 only")]
    [InlineData("١٢", "digits 0-9 only")] // Arabic-Indic digits are digits to char.IsDigit, not to the ledger
    [InlineData("79228162514264337593543950336", "larger than the ledger's maximum")] // 2^96
    [InlineData("999999999999999999999999999999", "has 30 digits")]
    public void Bad_amounts_are_rejected(string? text, string expected)
    {
        Assert.False(Quantities.TryParseAmount(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Check_amount_bounds_both_ends()
    {
        Assert.NotNull(Quantities.CheckAmount(UInt128.Zero));
        Assert.Null(Quantities.CheckAmount(UInt128.One));
        Assert.Null(Quantities.CheckAmount(Quantities.MaxAmount));
        Assert.NotNull(Quantities.CheckAmount(Quantities.MaxAmount + 1));
    }

    [Fact]
    public void A_line_knows_what_remains()
    {
        var line = new QuantityLine(5, 3);
        Assert.Equal((UInt128)2, line.Remaining);
        Assert.False(line.IsUsedUp);
        Assert.True(new QuantityLine(5, 5).IsUsedUp);
        Assert.Equal(Quantities.MaxAmount, new QuantityLine(Quantities.MaxAmount, 0).Remaining);
    }

    [Fact]
    public void A_line_refuses_to_break_the_on_chain_invariants()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuantityLine(3, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuantityLine(Quantities.MaxAmount + 1, 0));
    }
}
