using Ledger.Core.Countries;
using Ledger.Core.Errors;

namespace Ledger.Core.Tests.Countries;

public class CountryCodeTests
{
    [Fact]
    public void The_list_holds_the_249_officially_assigned_codes() =>
        Assert.Equal(249, CountryCode.All.Count);

    [Theory]
    [InlineData("CH")]
    [InlineData("GB")]
    [InlineData("US")]
    [InlineData("DE")]
    [InlineData("CN")]
    [InlineData("ZA")]
    [InlineData("SS")] // South Sudan, assigned 2011
    [InlineData("CW")] // Curaçao, assigned 2010 when AN was withdrawn
    [InlineData("BQ")]
    [InlineData("AX")]
    [InlineData("AQ")]
    public void Assigned_codes_are_accepted(string code)
    {
        Assert.True(CountryCode.TryParse(code, out var country, out var error), error);
        Assert.Equal(code, country.Value);
    }

    [Theory]
    [InlineData("XX", "XX is not an assigned")]
    [InlineData("ZZ", "ZZ is not an assigned")]
    [InlineData("AA", "AA is not an assigned")]
    [InlineData("QM", "QM is not an assigned")]
    [InlineData("AN", "AN is not an assigned")] // Netherlands Antilles, withdrawn 2010
    [InlineData("YU", "YU is not an assigned")] // Yugoslavia, withdrawn
    [InlineData("CS", "CS is not an assigned")]
    [InlineData("UK", "the United Kingdom's code is GB")]
    [InlineData("EL", "Greece's code is GR")]
    [InlineData("EU", "member state")]
    [InlineData("XK", "user-assigned")]
    public void Reserved_user_assigned_and_withdrawn_codes_are_rejected(string code, string expected)
    {
        Assert.False(CountryCode.TryParse(code, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("ch", "CH")]
    [InlineData("Gb", "GB")]
    [InlineData(" fr\t", "FR")]
    [InlineData("uK", null)]
    public void Lower_case_is_normalised_to_upper(string text, string? expected)
    {
        var accepted = CountryCode.TryParse(text, out var country, out _);
        Assert.Equal(expected is not null, accepted);
        Assert.Equal(expected, country?.Value);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData(null, "empty")]
    [InlineData("C", "not a two-letter")]
    [InlineData("CHE", "not a two-letter")]
    [InlineData("1A", "not a two-letter")]
    [InlineData("ÇH", "not a two-letter")]
    public void Malformed_input_is_rejected_with_a_reason(string? text, string expected)
    {
        Assert.False(CountryCode.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Parse_throws_an_invalid_argument_error()
    {
        var thrown = Assert.Throws<LedgerException>(() => CountryCode.Parse("XX"));
        Assert.Equal(LedgerErrorKind.InvalidArgument, thrown.Kind);
        Assert.Equal("country", Assert.Single(thrown.Error.Problems).Field);
    }

    [Fact]
    public void Bytes2_form_is_the_two_ascii_letters()
    {
        var swiss = CountryCode.Parse("CH");
        Assert.Equal(new byte[] { 0x43, 0x48 }, swiss.ToBytes2());
        Assert.Equal(0x4348, swiss.ToUInt16());
    }

    [Fact]
    public void Every_code_round_trips_through_its_bytes2_forms()
    {
        foreach (var country in CountryCode.All)
        {
            Assert.True(CountryCode.TryFromBytes2(country.ToBytes2(), out var fromBytes, out _));
            Assert.True(CountryCode.TryFromUInt16(country.ToUInt16(), out var fromNumber, out _));
            Assert.Equal(country, fromBytes);
            Assert.Equal(country, fromNumber);
            Assert.Same(country, CountryCode.Parse(country.Value.ToLowerInvariant()));
        }
    }

    [Theory]
    [InlineData(new byte[] { 0, 0 }, "not two upper-case")]
    [InlineData(new byte[] { 0x63, 0x68 }, "not two upper-case")] // "ch": chain data is upper case
    [InlineData(new byte[] { 0x58, 0x58 }, "XX is not an assigned")]
    [InlineData(new byte[] { 0x43 }, "not two upper-case")]
    public void Bytes2_from_chain_is_checked(byte[] bytes, string expected)
    {
        Assert.False(CountryCode.TryFromBytes2(bytes, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Codes_compare_by_value()
    {
        Assert.Equal(CountryCode.Parse("ch"), CountryCode.Parse("CH"));
        Assert.True(CountryCode.Parse("CH") == CountryCode.Parse(" ch "));
        Assert.True(CountryCode.Parse("CH") != CountryCode.Parse("DE"));
        Assert.False(CountryCode.Parse("CH") == null);
    }
}
