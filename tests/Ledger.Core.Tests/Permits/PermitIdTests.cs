using Ledger.Core.Errors;
using Ledger.Core.Permits;

namespace Ledger.Core.Tests.Permits;

public class PermitIdTests
{
    [Theory]
    [InlineData("CH/2026/000123", "CH/2026/000123")]
    [InlineData("ch/2026/000123 ", "CH/2026/000123")]
    [InlineData("  CH/2026/000123\t", "CH/2026/000123")]
    [InlineData("CH / 2026 / 000123", "CH/2026/000123")]
    [InlineData("CH/ 2026 /000123", "CH/2026/000123")]
    [InlineData("CH-2026-000123", "CH-2026-000123")]
    [InlineData("ch.2026.000123", "CH.2026.000123")]
    [InlineData("de_e_12345/26", "DE_E_12345/26")]
    [InlineData("\u00A0gb/26/a1b2\u00A0", "GB/26/A1B2")]
    [InlineData("nl-eph-2026-0042", "NL-EPH-2026-0042")]
    [InlineData("CH/1", "CH/1")]
    [InlineData("us/ABC", "US/ABC")]
    public void Typed_numbers_are_normalised(string typed, string normalised)
    {
        Assert.True(PermitId.TryParse(typed, out var id, out var error), error);
        Assert.Equal(normalised, id.Normalised);
        Assert.Equal(normalised, id.ToString());
        Assert.Equal(normalised[..2], id.Country.Value);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData(" \t ", "empty")]
    [InlineData("CH 2026 000123", "space at position 3 between 'H' and '2'")]
    [InlineData("CH/2026 000123", "space at position 8 between '6' and '0'")]
    [InlineData("CH/2026\u2013000123", "'–' (U+2013) at position 8")]
    [InlineData("CH/2026\u2013000123", "type the ASCII hyphen '-' instead")]
    [InlineData("CH/2026/00012\uFF13", "U+FF13")]
    [InlineData("CH/2026#1", "'#' at position 8")]
    [InlineData("CH/2026/\u200B1", "U+200B at position 9")]
    [InlineData("CH/2026/\u00DF", "'ß' (U+00DF)")]
    [InlineData("CH/", "has 3 characters; it must have 4 to 64")]
    [InlineData("12/2026/1", "must start with the issuing country's two-letter ISO 3166-1 code")]
    [InlineData("C/2026", "must start with the issuing country's two-letter")]
    [InlineData("CHE/2026/1", "must start with the issuing country's two-letter")]
    [InlineData("CH2026/1", "must start with the issuing country's two-letter")]
    [InlineData("XX/2026/1", "XX is not an assigned ISO 3166-1 country code")]
    [InlineData("uk/2026/1", "the United Kingdom's code is GB")]
    [InlineData("CH//2026", "two separators in a row ('//')")]
    [InlineData("CH/2026-/1", "two separators in a row ('-/')")]
    [InlineData("CH/2026/", "ends with the separator '/'")]
    public void Malformed_numbers_are_rejected_with_a_specific_reason(string? typed, string expected)
    {
        Assert.False(PermitId.TryParse(typed, out var id, out var error));
        Assert.Null(id);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Length_bounds_apply_to_the_normalised_text()
    {
        var longest = "CH/" + new string('7', PermitId.MaxLength - 3);
        Assert.True(PermitId.TryParse($"  {longest.ToLowerInvariant()}  ", out var id, out _));
        Assert.Equal(longest, id.Normalised);

        Assert.False(PermitId.TryParse(longest + "7", out _, out var tooLong));
        Assert.Contains("has 65 characters", tooLong);

        Assert.False(PermitId.TryParse(new string(' ', 100) + "CH/" + new string('1', 200), out _, out var huge));
        Assert.Contains("too long (303 characters)", huge);
    }

    [Fact]
    public void Key_is_keccak256_of_the_normalised_text()
    {
        // Computed independently with Foundry: `cast keccak "CH/2026/000123"` (cast 1.7.1).
        const string castKeccak = "0x0c85899acb7a5e5e22e90c06e47da89db72f3321a62d002caa5ccb28b892a06a";

        Assert.Equal(castKeccak, PermitId.Parse("CH/2026/000123").Key.ToString());
        Assert.Equal(castKeccak, PermitId.Parse(" ch / 2026 / 000123 ").Key.Value.ToHex());
        Assert.NotEqual(PermitId.Parse("CH/2026/000123").Key, PermitId.Parse("CH-2026-000123").Key);
    }

    [Fact]
    public void Parse_throws_an_invalid_argument_error_for_the_permit_id_field()
    {
        var thrown = Assert.Throws<LedgerException>(() => PermitId.Parse("XX/1/2"));
        Assert.Equal(LedgerErrorKind.InvalidArgument, thrown.Kind);
        var problem = Assert.Single(thrown.Error.Problems);
        Assert.Equal("permitId", problem.Field);
        Assert.Contains("XX is not an assigned", thrown.Message);
    }

    [Fact]
    public void Ids_compare_by_normalised_text()
    {
        Assert.Equal(PermitId.Parse("ch/1/2"), PermitId.Parse("CH / 1 / 2"));
        Assert.True(PermitId.Parse("ch/1/2") == PermitId.Parse("CH/1/2"));
        Assert.True(PermitId.Parse("CH/1/2") != PermitId.Parse("CH/1/3"));
        Assert.Equal(PermitId.Parse("ch/1/2").GetHashCode(), PermitId.Parse("CH/1/2").GetHashCode());
    }
}
