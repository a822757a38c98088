using Ledger.Contracts.Errors;
using Ledger.Contracts.Tests.Devnet;
using static Ledger.Contracts.Tests.Devnet.LedgerNet;

namespace Ledger.Contracts.Tests.Errors;

/// <summary>The errors that need the chain's clock moved past a proposal's lifetime; a devnet of their own.</summary>
public sealed class ExpiredProposalRevertTests(LedgerNetFixture fixture) : IClassFixture<LedgerNetFixture>
{
    private LedgerNet Net => fixture.Net;

    [Fact]
    public async Task ProposalExpired_when_voting_after_seven_days()
    {
        var proposal = await Net.IssuerCH.Authorities.ProposeIssuerAsync(TestData.RandomAddress(), CH, AuthorityCode.FromText("late"), TestData.RandomAddress());
        var expiresAt = (await Net.Deployer.Authorities.ProposalAsync(proposal.Value)).ExpiresAt;
        await Net.PassTimeAsync(TimeSpan.FromDays(7));
        var (error, _) = await Expect.Refusal<ProposalExpired>(() => Net.IssuerFR.Authorities.VoteAsync(proposal.Value));
        Assert.Equal(new ProposalExpired(proposal.Value, expiresAt), error);
    }

    [Fact]
    public async Task ProposalAlreadyClosed_when_an_expired_proposal_is_closed_twice()
    {
        var proposal = await Net.IssuerFR.Authorities.ProposeSecretariatAsync(TestData.RandomAddress(), FR, AuthorityCode.FromText("closed"));
        await Net.PassTimeAsync(TimeSpan.FromDays(7));
        await Net.IssuerNO.Authorities.CloseExpiredAsync(proposal.Value);
        var (error, _) = await Expect.Refusal<ProposalAlreadyClosed>(() => Net.IssuerNO.Authorities.CloseExpiredAsync(proposal.Value));
        Assert.Equal(new ProposalAlreadyClosed(proposal.Value), error);
    }
}
