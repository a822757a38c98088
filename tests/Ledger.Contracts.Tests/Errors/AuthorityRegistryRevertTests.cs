using Ledger.Core.Primitives;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Deployment;
using Ledger.Contracts.Errors;
using Ledger.Contracts.Tests.Devnet;
using static Ledger.Contracts.Tests.Devnet.LedgerNet;

using Nethereum.Contracts;
using AuthorityRegistryDeployment = Ledger.Contracts.Generated.AuthorityRegistry.ContractDefinition.AuthorityRegistryDeployment;

namespace Ledger.Contracts.Tests.Errors;

/// <summary>
/// Every AuthorityRegistry error, triggered for real on anvil and decoded into its record. Test
/// names start with the error's name (<see cref="ErrorCoverageTests"/> relies on it).
/// </summary>
public sealed class AuthorityRegistryRevertTests(LedgerNetFixture fixture) : IClassFixture<LedgerNetFixture>
{
    private static readonly Bytes32 Code = AuthorityCode.FromText("code");

    private LedgerNet Net => fixture.Net;

    [Fact]
    public async Task AuthorityNotActive_when_a_stranger_designates()
    {
        var stranger = Net.Spare[0];
        var (error, _) = await Expect.Refusal<AuthorityNotActive>(() => stranger.Authorities.DesignateAsync(TestData.RandomAddress(), AuthorityKind.Customs, Code));
        Assert.Equal(new AuthorityNotActive(stranger.Address, AuthorityStatus.None), error);
    }

    [Fact]
    public async Task WrongAuthorityKind_when_customs_designate()
    {
        var (error, _) = await Expect.Refusal<WrongAuthorityKind>(
            () => Net.CustomsCH.Authorities.DesignateAsync(TestData.RandomAddress(), AuthorityKind.Customs, Code));
        Assert.Equal(new WrongAuthorityKind(Net.CustomsCH.Address, AuthorityKind.Customs, AuthorityKind.Issuer), error);
    }

    [Fact]
    public async Task WrongCountry_when_an_issuer_suspends_another_countrys_agency()
    {
        var (error, _) = await Expect.Refusal<WrongCountry>(() => Net.IssuerFR.Authorities.SuspendAgencyAsync(Net.CustomsCH.Address));
        Assert.Equal(new WrongCountry(Net.IssuerFR.Address, FR, CH), error);
    }

    [Fact]
    public async Task InvalidCountry_when_an_issuer_is_proposed_with_lower_case_letters()
    {
        var lowerCase = new CountryBytes(0x6465); // "de"
        var (error, _) = await Expect.Refusal<InvalidCountry>(() => Net.IssuerCH.Authorities.ProposeIssuerAsync(TestData.RandomAddress(), lowerCase, Code, TestData.RandomAddress()));
        Assert.Equal(new InvalidCountry(lowerCase), error);
    }

    [Fact]
    public async Task ZeroAccount_when_the_zero_address_is_designated()
    {
        var (error, _) = await Expect.Refusal<ZeroAccount>(() => Net.IssuerCH.Authorities.DesignateAsync(Address.Zero, AuthorityKind.Customs, Code));
        Assert.Equal(new ZeroAccount(), error);
    }

    [Fact]
    public async Task ZeroCode_when_an_agency_has_no_code()
    {
        var agency = TestData.RandomAddress();
        var (error, _) = await Expect.Refusal<ZeroCode>(() => Net.IssuerCH.Authorities.DesignateAsync(agency, AuthorityKind.Customs, Bytes32.Zero));
        Assert.Equal(new ZeroCode(agency), error);
    }

    [Fact]
    public async Task AuthorityAlreadyExists_when_an_authority_is_designated_again()
    {
        var (error, _) = await Expect.Refusal<AuthorityAlreadyExists>(
            () => Net.IssuerCH.Authorities.DesignateAsync(Net.CustomsFR.Address, AuthorityKind.SingleWindow, Code));
        Assert.Equal(new AuthorityAlreadyExists(Net.CustomsFR.Address, AuthorityKind.Customs), error);
    }

    [Fact]
    public async Task AuthorityAlreadyExists_when_a_founder_is_listed_twice_for_the_deployer()
    {
        var founder = new FoundingIssuer(TestData.RandomAddress(), CH, Code, TestData.RandomAddress());
        var (error, exception) = await Expect.Refusal<AuthorityAlreadyExists>(
            () => new LedgerDeployer(Net.Rpc, Net.Deployer.Sender).DeployAsync([founder, founder with { Country = FR }]));
        Assert.Equal(new AuthorityAlreadyExists(founder.Account, AuthorityKind.Issuer), error);
        Assert.Null(exception.Contract);
        Assert.StartsWith("AuthorityRegistry constructor(", exception.Function, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAuthority_when_an_unknown_agency_is_suspended()
    {
        var unknown = TestData.RandomAddress();
        var (error, _) = await Expect.Refusal<UnknownAuthority>(() => Net.IssuerCH.Authorities.SuspendAgencyAsync(unknown));
        Assert.Equal(new UnknownAuthority(unknown), error);
    }

    [Fact]
    public async Task NotAnAgencyKind_when_an_issuer_is_designated_without_a_vote()
    {
        var (error, _) = await Expect.Refusal<NotAnAgencyKind>(() => Net.IssuerCH.Authorities.DesignateAsync(TestData.RandomAddress(), AuthorityKind.Issuer, Code));
        Assert.Equal(new NotAnAgencyKind(AuthorityKind.Issuer), error);
    }

    [Fact]
    public async Task NotAGovernedKind_when_customs_are_proposed_for_suspension()
    {
        var (error, _) = await Expect.Refusal<NotAGovernedKind>(() => Net.IssuerFR.Authorities.ProposeSuspensionAsync(Net.CustomsNO.Address));
        Assert.Equal(new NotAGovernedKind(Net.CustomsNO.Address, AuthorityKind.Customs), error);
    }

    [Fact]
    public async Task StatusUnchanged_when_an_active_agency_is_reinstated()
    {
        var (error, _) = await Expect.Refusal<StatusUnchanged>(() => Net.IssuerNO.Authorities.ReinstateAgencyAsync(Net.CustomsNO.Address));
        Assert.Equal(new StatusUnchanged(Net.CustomsNO.Address, AuthorityStatus.Active), error);
    }

    [Fact]
    public async Task LastActiveIssuer_when_the_only_issuer_would_be_suspended()
    {
        // A registry of its own with one founder: suspending it would leave nobody to govern.
        var founder = Net.Spare[1];
        var alone = await new LedgerDeployer(Net.Rpc, founder.Sender).DeployAsync([new FoundingIssuer(founder.Address, CH, Code, TestData.RandomAddress())]);
        var registry = alone.BindAuthorityRegistry(Net.Rpc, founder.Sender);
        var (error, _) = await Expect.Refusal<LastActiveIssuer>(() => registry.ProposeSuspensionAsync(founder.Address));
        Assert.Equal(new LastActiveIssuer(founder.Address), error);
        Assert.Equal(0UL, await registry.ProposalCountAsync());
    }

    [Fact]
    public async Task ProposalAlreadyOpen_when_the_same_account_is_proposed_twice()
    {
        var candidate = TestData.RandomAddress();
        var open = await Net.IssuerCH.Authorities.ProposeIssuerAsync(candidate, CH, Code, TestData.RandomAddress());
        var (error, _) = await Expect.Refusal<ProposalAlreadyOpen>(() => Net.IssuerFR.Authorities.ProposeSecretariatAsync(candidate, FR, Code));
        Assert.Equal(new ProposalAlreadyOpen(candidate, open.Value), error);
    }

    [Fact]
    public async Task UnknownProposal_when_voting_for_an_id_never_given()
    {
        var (error, _) = await Expect.Refusal<UnknownProposal>(() => Net.IssuerCH.Authorities.VoteAsync(999_999));
        Assert.Equal(new UnknownProposal(999_999), error);
    }

    [Fact]
    public async Task ProposalAlreadyExecuted_when_voting_after_the_majority()
    {
        var id = await AdmitIssuerAsync(TestData.RandomAddress());
        var (error, _) = await Expect.Refusal<ProposalAlreadyExecuted>(() => Net.IssuerNO.Authorities.VoteAsync(id));
        Assert.Equal(new ProposalAlreadyExecuted(id), error);
    }

    [Fact]
    public async Task ProposalNotExpired_when_closing_an_open_proposal()
    {
        var open = await Net.IssuerNO.Authorities.ProposeIssuerAsync(TestData.RandomAddress(), NO, Code, TestData.RandomAddress());
        var expiresAt = (await Net.Deployer.Authorities.ProposalAsync(open.Value)).ExpiresAt;
        var (error, _) = await Expect.Refusal<ProposalNotExpired>(() => Net.IssuerCH.Authorities.CloseExpiredAsync(open.Value));
        Assert.Equal(new ProposalNotExpired(open.Value, expiresAt), error);
    }

    [Fact]
    public async Task AlreadyVoted_when_the_proposer_votes_again()
    {
        var open = await Net.IssuerCH.Authorities.ProposeSecretariatAsync(TestData.RandomAddress(), CH, Code);
        var (error, _) = await Expect.Refusal<AlreadyVoted>(() => Net.IssuerCH.Authorities.VoteAsync(open.Value));
        Assert.Equal(new AlreadyVoted(open.Value, Net.IssuerCH.Address), error);
    }

    [Fact]
    public async Task NotEligibleToVote_when_an_issuer_admitted_later_votes()
    {
        var earlier = await Net.IssuerCH.Authorities.ProposeIssuerAsync(TestData.RandomAddress(), CH, Code, TestData.RandomAddress());
        var newcomer = Net.Spare[2];
        await AdmitIssuerAsync(newcomer.Address);
        var (error, _) = await Expect.Refusal<NotEligibleToVote>(() => newcomer.Authorities.VoteAsync(earlier.Value));
        Assert.Equal(new NotEligibleToVote(earlier.Value, newcomer.Address), error);
    }

    [Fact]
    public async Task InvalidFoundingIssuers_when_the_constructor_arrays_differ_in_length()
    {
        // LedgerDeployer cannot send such arrays; the constructor is called directly.
        var data = new AuthorityRegistryDeployment
        {
            Issuers = [TestData.RandomAddress().ToLowerHex()], Countries = [CH.ToBytes(), FR.ToBytes()], Codes = [], Nodes = [],
        }.GetDeploymentData();
        var reverted = await Assert.ThrowsAsync<TransactionRevertedException>(() => Net.Deployer.Sender.SendAsync(new TransactionRequest(null, data)));
        Assert.Equal(new InvalidFoundingIssuers(1, 2, 0, 0), ContractErrors.TryDecode(reverted.RevertData.Span));
    }

    /// <summary>Proposes an issuer and has the founders vote until the majority carries it; returns the proposal id.</summary>
    private async Task<ulong> AdmitIssuerAsync(Address account)
    {
        var proposal = await Net.IssuerCH.Authorities.ProposeIssuerAsync(account, CH, Code, TestData.RandomAddress());
        foreach (var voter in new[] { Net.IssuerFR, Net.IssuerNO })
        {
            if ((await voter.Authorities.VoteAsync(proposal.Value)).Value)
                return proposal.Value;
        }
        throw new Xunit.Sdk.XunitException("The founders' votes did not carry the proposal.");
    }
}
