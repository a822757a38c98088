using Ledger.Core.Countries;
using Ledger.Core.Permits;
using Ledger.Gateway.Peers;

namespace Ledger.Gateway.Tests.Peers;

/// <summary>A permit's document goes to authorities of its issuing and destination countries only; the reason for a refusal is for the audit.</summary>
public sealed class DocumentAccessRuleTests
{
    private static readonly PermitId Permit = PermitId.Parse("CH/2026/000123");

    [Theory]
    [InlineData("CH", true)]
    [InlineData("FR", true)]
    [InlineData("KE", false)]
    [InlineData("DE", false)]
    public void Issuing_and_destination_countries_receive_the_document_and_no_other(string caller, bool allowed)
    {
        var reason = DocumentAccessRule.RefusalReason(Permit, CountryCode.Parse(caller), CountryCode.Parse("CH"), CountryCode.Parse("FR"));

        Assert.Equal(allowed, DocumentAccessRule.MayReceive(CountryCode.Parse(caller), CountryCode.Parse("CH"), CountryCode.Parse("FR")));
        Assert.Equal(allowed, reason is null);
        if (!allowed)
        {
            Assert.Equal($"the document of CH/2026/000123 is served only to authorities of CH (issuing) and FR (destination); "
                + $"the caller's authority is of {caller}", reason);
        }
    }

    [Fact]
    public void Without_a_destination_only_the_issuing_country_receives_it()
    {
        Assert.True(DocumentAccessRule.MayReceive(CountryCode.Parse("CH"), CountryCode.Parse("CH"), null));
        var refused = DocumentAccessRule.RefusalReason(Permit, CountryCode.Parse("FR"), CountryCode.Parse("CH"), null);

        Assert.NotNull(refused);
        Assert.Contains("CH (issuing; no destination given)", refused, StringComparison.Ordinal);
    }
}
