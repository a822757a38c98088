using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Contracts.Authorities;
using Ledger.Gateway.IntegrationTests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>The authority directory and governance through the gateway.</summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class AuthorityTests(LedgerNetworkFixture network)
{
    [Fact]
    public async Task The_directory_lists_the_deployed_authorities()
    {
        var swiss = await network.Authorities.ListAuthoritiesAsync(new ListAuthoritiesRequest { Country = "CH" }, As(Officials.Observer));
        Assert.Contains(swiss.Authorities, a => a.Address == network.AccountOf(Officials.ChIssuer).ToChecksumHex() && a.Kind == AuthorityKind.Issuer && a.Code == "BAFU");
        Assert.Contains(swiss.Authorities, a => a.Address == network.AccountOf(Officials.ChCustoms2).ToChecksumHex() && a.Kind == AuthorityKind.Customs);
        Assert.All(swiss.Authorities, a => Assert.Equal("CH", a.Country));

        var customs = await network.Authorities.GetAuthorityAsync(new GetAuthorityRequest { Address = network.AccountOf(Officials.FrCustoms).ToChecksumHex() }, As(Officials.Observer));
        Assert.Equal("FR-CUSTOMS", customs.Code);
        Assert.Equal(AuthorityStatus.Active, customs.Status);

        var unknown = await Assert.ThrowsAsync<RpcException>(() => network.Authorities.GetAuthorityAsync(
            new GetAuthorityRequest { Address = network.Devnet.Accounts[9].Address.ToChecksumHex() }, As(Officials.Observer)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_issuer_designates_and_suspends_an_agency_of_its_country()
    {
        var agency = network.Devnet.Accounts[7].Address.ToChecksumHex();
        var designated = await network.Authorities.DesignateAgencyAsync(new DesignateAgencyRequest
        {
            RequestId = Permits.NewRequestId(), Address = agency, Kind = AuthorityKind.ScientificAuthority, Code = "WSL",
        }, As(Officials.NoIssuer));
        Assert.Equal("NO", designated.Agency.Country);
        Assert.Equal(AuthorityKind.ScientificAuthority, designated.Agency.Kind);

        var denied = await Assert.ThrowsAsync<RpcException>(() => network.Authorities.SuspendAgencyAsync(new SuspendAgencyRequest
        {
            RequestId = Permits.NewRequestId(), Address = agency, Change = StatusChange.Suspend,
        }, As(Officials.FrIssuer)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        var suspended = await network.Authorities.SuspendAgencyAsync(new SuspendAgencyRequest
        {
            RequestId = Permits.NewRequestId(), Address = agency, Change = StatusChange.Suspend,
        }, As(Officials.NoIssuer));
        Assert.Equal(AuthorityStatus.Suspended, suspended.Agency.Status);
    }

    [Fact]
    public async Task A_new_issuer_is_admitted_by_a_majority_vote()
    {
        var candidate = network.Devnet.Accounts[8].Address.ToChecksumHex();
        var node = LedgerDeployment.NodeOf("DE").ToChecksumHex();
        var proposed = await network.Authorities.ProposeIssuerAsync(new ProposeIssuerRequest
        {
            RequestId = Permits.NewRequestId(), Address = candidate, Country = "DE", Code = "BFN", Node = node,
        }, As(Officials.ChIssuer));
        Assert.Equal(node, proposed.Proposal.SubjectNode);
        Assert.Equal(ProposalState.Open, proposed.Proposal.State);
        Assert.Equal(1u, proposed.Proposal.Votes);
        Assert.Equal(2u, proposed.Proposal.VotesNeeded);
        Assert.Equal(ProposalKind.AdmitIssuer, proposed.Proposal.Kind);

        var again = await Assert.ThrowsAsync<RpcException>(() => network.Authorities.VoteOnProposalAsync(
            new VoteOnProposalRequest { RequestId = Permits.NewRequestId(), ProposalId = proposed.Proposal.ProposalId }, As(Officials.ChIssuer)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);

        var voted = await network.Authorities.VoteOnProposalAsync(
            new VoteOnProposalRequest { RequestId = Permits.NewRequestId(), ProposalId = proposed.Proposal.ProposalId }, As(Officials.FrIssuer));
        Assert.Equal(ProposalState.Executed, voted.Proposal.State);
        Assert.Contains(LedgerDeployment.NodeOf("DE"), await new AuthorityRegistryContract(network.AuthorityRegistry, network.Devnet.Client).GetValidatorsAsync());
        var admitted = await network.Authorities.GetAuthorityAsync(new GetAuthorityRequest { Address = candidate }, As(Officials.Observer));
        Assert.Equal(AuthorityKind.Issuer, admitted.Kind);
        Assert.Equal("DE", admitted.Country);

        var listed = await network.Authorities.ListProposalsAsync(new ListProposalsRequest { State = ProposalState.Executed }, As(Officials.Observer));
        Assert.Contains(listed.Proposals, p => p.ProposalId == proposed.Proposal.ProposalId);
    }
}
