using Ledger.Contracts;
using Ledger.Contracts.Authorities;
using Ledger.Core.Primitives;
using Ledger.Gateway.Chain;

namespace Ledger.Gateway.Tests.Chain;

/// <summary>Which keystore accounts one gateway may hold: active authorities of one country, nothing else.</summary>
public class KeyringAuthorityCheckTests
{
    private static readonly Address Issuer = Address.Parse("0x1111111111111111111111111111111111111111");
    private static readonly Address Customs = Address.Parse("0x2222222222222222222222222222222222222222");

    [Fact]
    public void An_issuer_and_its_countrys_customs_pass()
    {
        var verdict = KeyringAuthorityCheck.Judge([(Issuer, Profile("CH", AuthorityKind.Issuer)), (Customs, Profile("CH", AuthorityKind.Customs))]);

        Assert.Null(verdict.Refusal);
        Assert.Empty(verdict.Undesignated);
    }

    [Fact]
    public void Accounts_of_two_countries_are_refused_with_each_account_and_country()
    {
        var problem = KeyringAuthorityCheck.Judge([(Issuer, Profile("CH", AuthorityKind.Issuer)), (Customs, Profile("FR", AuthorityKind.Customs))]).Refusal;

        Assert.NotNull(problem);
        Assert.Contains($"{Issuer.ToChecksumHex()}: Issuer of CH, Active", problem);
        Assert.Contains($"{Customs.ToChecksumHex()}: Customs of FR, Active", problem);
    }

    [Fact]
    public void An_account_not_yet_designated_is_accepted_beside_an_active_issuer_and_named()
    {
        // A newly admitted authority's gateway must run before its issuer designates its agencies through it.
        var verdict = KeyringAuthorityCheck.Judge([(Issuer, Profile("NO", AuthorityKind.Issuer)), (Customs, Unknown)]);

        Assert.Null(verdict.Refusal);
        Assert.Equal([Customs], verdict.Undesignated);
    }

    [Fact]
    public void Accounts_unknown_to_the_registry_without_an_issuer_are_refused()
    {
        var besideCustoms = KeyringAuthorityCheck.Judge([(Issuer, Profile("CH", AuthorityKind.Customs)), (Customs, Unknown)]).Refusal;
        var alone = KeyringAuthorityCheck.Judge([(Customs, Unknown)]).Refusal;

        Assert.Contains($"{Customs.ToChecksumHex()}: unknown to the AuthorityRegistry", besideCustoms);
        Assert.Contains($"{Customs.ToChecksumHex()}: unknown to the AuthorityRegistry", alone);
    }

    [Fact]
    public void A_foreign_account_is_refused_even_beside_an_undesignated_one()
    {
        var verdict = KeyringAuthorityCheck.Judge([(Issuer, Profile("CH", AuthorityKind.Issuer)), (Customs, Profile("FR", AuthorityKind.Issuer)), (Address.Parse("0x3333333333333333333333333333333333333333"), Unknown)]);

        Assert.NotNull(verdict.Refusal);
    }

    [Fact]
    public void A_suspended_account_is_refused_even_alone()
    {
        var problem = KeyringAuthorityCheck.Judge([(Issuer, Profile("CH", AuthorityKind.Issuer, AuthorityStatus.Suspended))]).Refusal;

        Assert.Contains($"{Issuer.ToChecksumHex()}: Issuer of CH, Suspended", problem);
    }

    private static readonly AuthorityProfile Unknown = new(CountryBytes.None, AuthorityKind.None, AuthorityStatus.None);

    private static AuthorityProfile Profile(string country, AuthorityKind kind, AuthorityStatus status = AuthorityStatus.Active) =>
        new(CountryBytes.FromCode(country), kind, status);
}
