using Ledger.Core.Errors;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using Ledger.Core.Shipments;

namespace Ledger.Core.Tests.Shipments;

public class ShipmentReferenceTests
{
    [Theory]
    [InlineData("MAEU123456789", "MAEU123456789")]
    [InlineData("  maeu123456789 ", "MAEU123456789")]
    [InlineData("176-12345675", "176-12345675")]
    [InlineData("awb  176 \t 1234\u00A05675", "AWB 176 1234 5675")]
    [InlineData("CHE/2026/IM-0042#a", "CHE/2026/IM-0042#A")]
    [InlineData("x", "X")]
    public void References_are_normalised(string typed, string normalised)
    {
        Assert.True(ShipmentReference.TryParse(typed, out var reference, out var error), error);
        Assert.Equal(normalised, reference.Normalised);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("  \t", "empty")]
    [InlineData("MAEU\u00E9", "U+00E9")]
    [InlineData("MAEU\u0001", "U+0001 at position 5")]
    public void Bad_references_are_rejected(string? typed, string expected)
    {
        Assert.False(ShipmentReference.TryParse(typed, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Length_is_bounded_after_normalisation()
    {
        var longest = new string('A', ShipmentReference.MaxLength);
        Assert.True(ShipmentReference.TryParse("  " + longest + "  ", out _, out _));
        Assert.False(ShipmentReference.TryParse(longest + "B", out _, out var error));
        Assert.Contains("65 characters", error);
        Assert.Throws<LedgerException>(() => ShipmentReference.Parse(new string('A', 1000)));
    }

    [Fact]
    public void Key_is_keccak256_of_the_prefixed_text()
    {
        // Computed independently with Foundry: `cast keccak "shipment:MAEU123456789"` (cast 1.7.1).
        const string castKeccak = "0xaa89d57fc75075f75dac17725bb14113015e64076bee35045f4777580ae3f5ca";
        var reference = ShipmentReference.Parse(" maeu123456789 ");
        Assert.Equal(castKeccak, reference.Key.ToHex());
        Assert.False(reference.Key.IsZero);
    }

    [Fact]
    public void Keys_are_kept_apart_from_permit_keys()
    {
        var text = "CH/2026/000123";
        Assert.NotEqual(PermitId.Parse(text).Key.Value, ShipmentReference.Parse(text).Key);
    }

    [Fact]
    public void Normalising_is_idempotent_on_random_input()
    {
        var random = new Random(42);
        const string alphabet = "abcXYZ019-/# .\t\u00A0";
        for (var i = 0; i < 1000; i++)
        {
            var typed = new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            if (!ShipmentReference.TryParse(typed, out var reference, out _))
                continue;
            var again = ShipmentReference.Parse(reference.Normalised);
            Assert.Equal(reference, again);
            Assert.Equal(reference.Key, again.Key);
            Assert.Equal(Keccak.HashUtf8("shipment:" + reference.Normalised), reference.Key);
            Assert.DoesNotContain("  ", reference.Normalised);
        }
    }
}
