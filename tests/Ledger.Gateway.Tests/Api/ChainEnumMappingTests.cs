using Ledger.Api.V1;

namespace Ledger.Gateway.Tests.Api;

/// <summary>
/// The chain values below are copied from the fixed numeric conventions the contracts are
/// built to (briefs/contracts.md), not derived from the mapping under test.
/// </summary>
public sealed class ChainEnumMappingTests
{
    [Theory]
    [InlineData(0, PermitType.CitesExport)]
    [InlineData(1, PermitType.CitesImport)]
    [InlineData(2, PermitType.CitesReExport)]
    [InlineData(3, PermitType.CitesCertificate)]
    [InlineData(4, PermitType.Ephyto)]
    [InlineData(5, PermitType.EphytoReExport)]
    public void Permit_types_match_the_chain(byte chain, PermitType api)
    {
        Assert.Equal(api, ChainEnumMapping.PermitTypeFromChain(chain));
        Assert.Equal(chain, api.ToChainValue());
    }

    [Theory]
    [InlineData(0, VerificationStatus.NotAvailable)]
    [InlineData(1, VerificationStatus.Valid)]
    [InlineData(2, VerificationStatus.Cancelled)]
    public void Verification_statuses_match_the_chain(byte chain, VerificationStatus api)
    {
        Assert.Equal(api, ChainEnumMapping.VerificationStatusFromChain(chain));
        Assert.Equal(chain, api.ToChainValue());
    }

    [Theory]
    [InlineData(0, VerificationReason.Unspecified)]
    [InlineData(1, VerificationReason.Unknown)]
    [InlineData(2, VerificationReason.Expired)]
    [InlineData(3, VerificationReason.NotYetValid)]
    [InlineData(4, VerificationReason.Exhausted)]
    [InlineData(5, VerificationReason.Replaced)]
    [InlineData(6, VerificationReason.IssuerSuspended)]
    [InlineData(7, VerificationReason.Cancelled)]
    [InlineData(8, VerificationReason.IssuerNotOfPermitCountry)]
    public void Verification_reasons_match_the_chain(byte chain, VerificationReason api)
    {
        Assert.Equal(api, ChainEnumMapping.VerificationReasonFromChain(chain));
        Assert.Equal(chain, api.ToChainValue());
    }

    [Theory]
    [InlineData(0, AuthorityKind.Unspecified)]
    [InlineData(1, AuthorityKind.Issuer)]
    [InlineData(2, AuthorityKind.Customs)]
    [InlineData(3, AuthorityKind.ScientificAuthority)]
    [InlineData(4, AuthorityKind.SingleWindow)]
    [InlineData(5, AuthorityKind.Secretariat)]
    public void Authority_kinds_match_the_chain(byte chain, AuthorityKind api)
    {
        Assert.Equal(api, ChainEnumMapping.AuthorityKindFromChain(chain));
        Assert.Equal(chain, api.ToChainValue());
    }

    [Theory]
    [InlineData(0, AuthorityStatus.Unspecified)]
    [InlineData(1, AuthorityStatus.Active)]
    [InlineData(2, AuthorityStatus.Suspended)]
    public void Authority_statuses_match_the_chain(byte chain, AuthorityStatus api)
    {
        Assert.Equal(api, ChainEnumMapping.AuthorityStatusFromChain(chain));
        Assert.Equal(chain, api.ToChainValue());
    }

    [Fact]
    public void Values_outside_either_side_are_refused_instead_of_guessed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PermitType.Unspecified.ToChainValue());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((PermitType)7).ToChainValue());
        Assert.Throws<ArgumentOutOfRangeException>(() => VerificationStatus.Unspecified.ToChainValue());
        Assert.Throws<ArgumentOutOfRangeException>(() => ChainEnumMapping.PermitTypeFromChain(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChainEnumMapping.VerificationReasonFromChain(9));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChainEnumMapping.AuthorityKindFromChain(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => CancelReason.Unspecified.ToChainValue());
    }

    [Fact]
    public void Cancel_reasons_are_the_chain_codes_and_unknown_codes_read_as_other()
    {
        Assert.Equal(1, CancelReason.IssuedInError.ToChainValue());
        Assert.Equal(255, CancelReason.Other.ToChainValue());
        Assert.Equal(CancelReason.SpecimenLost, ChainEnumMapping.CancelReasonFromChain(4));
        Assert.Equal(CancelReason.Other, ChainEnumMapping.CancelReasonFromChain(42));
    }
}
