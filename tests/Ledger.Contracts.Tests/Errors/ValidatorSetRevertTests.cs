using Ledger.Core.Primitives;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Errors;
using Ledger.Contracts.Tests.Devnet;
using static Ledger.Contracts.Tests.Devnet.LedgerNet;

namespace Ledger.Contracts.Tests.Errors;

/// <summary>
/// Every validator-set error (node addresses of issuers), triggered for real on anvil through
/// proposals, designations and rotations, decoded into its record; each refusal leaves the
/// proposals and the nodes as they were. Test names start with the error's name
/// (<see cref="ErrorCoverageTests"/> relies on it).
/// </summary>
public sealed class ValidatorSetRevertTests(LedgerNetFixture fixture) : IClassFixture<LedgerNetFixture>
{
    private static readonly Bytes32 Code = AuthorityCode.FromText("code");
    private static readonly CountryBytes DE = CountryBytes.FromCode("DE");

    private LedgerNet Net => fixture.Net;

    [Fact]
    public async Task ZeroNode_when_an_issuer_is_proposed_without_a_node()
    {
        await ExpectProposalRefusedAsync(TestData.RandomAddress(), Address.Zero, new ZeroNode());
    }

    [Fact]
    public async Task ZeroNode_when_an_issuer_rotates_to_the_zero_address()
    {
        await ExpectRotationRefusedAsync(Net.IssuerCH, Address.Zero, new ZeroNode());
    }

    [Fact]
    public async Task NodeAlreadyUsed_when_a_founders_node_is_proposed_for_a_newcomer()
    {
        var node = NodeAddress("CH");
        await ExpectProposalRefusedAsync(TestData.RandomAddress(), node, new NodeAlreadyUsed(node, Net.IssuerCH.Address));
    }

    [Fact]
    public async Task NodeAlreadyUsed_when_an_issuer_rotates_to_another_issuers_node()
    {
        var node = NodeAddress("NO");
        await ExpectRotationRefusedAsync(Net.IssuerFR, node, new NodeAlreadyUsed(node, Net.IssuerNO.Address));
    }

    [Fact]
    public async Task NodeIsAuthority_when_the_proposed_node_is_an_agency_account()
    {
        await ExpectProposalRefusedAsync(TestData.RandomAddress(), Net.CustomsFR.Address, new NodeIsAuthority(Net.CustomsFR.Address));
    }

    [Fact]
    public async Task NodeIsAuthority_when_the_candidate_is_proposed_as_its_own_node()
    {
        var candidate = TestData.RandomAddress();
        await ExpectProposalRefusedAsync(candidate, candidate, new NodeIsAuthority(candidate));
    }

    [Fact]
    public async Task NodeIsAuthority_when_an_issuer_rotates_to_its_own_account()
    {
        await ExpectRotationRefusedAsync(Net.IssuerNO, Net.IssuerNO.Address, new NodeIsAuthority(Net.IssuerNO.Address));
    }

    [Fact]
    public async Task AccountIsNode_when_an_issuer_designates_its_node_as_customs()
    {
        var node = NodeAddress("CH");
        var (error, _) = await Expect.Refusal<AccountIsNode>(() => Net.IssuerCH.Authorities.DesignateAsync(node, AuthorityKind.Customs, Code));
        Assert.Equal(new AccountIsNode(node, Net.IssuerCH.Address), error);
        Assert.Equal(AuthorityKind.None, (await Net.Deployer.Authorities.AuthorityOfAsync(node)).Kind);
    }

    [Fact]
    public async Task AccountIsNode_when_a_node_is_proposed_as_an_issuer()
    {
        var node = NodeAddress("FR");
        await ExpectProposalRefusedAsync(node, TestData.RandomAddress(), new AccountIsNode(node, Net.IssuerFR.Address));
    }

    /// <summary>Proposing <paramref name="candidate"/> as an issuer with <paramref name="node"/> is refused with <paramref name="expected"/> and opens no proposal.</summary>
    private async Task ExpectProposalRefusedAsync<TError>(Address candidate, Address node, TError expected)
        where TError : ContractError
    {
        var before = await Net.Deployer.Authorities.ProposalCountAsync();
        var (error, _) = await Expect.Refusal<TError>(() => Net.IssuerCH.Authorities.ProposeIssuerAsync(candidate, DE, Code, node));
        Assert.Equal(expected, error);
        Assert.Equal(before, await Net.Deployer.Authorities.ProposalCountAsync());
        Assert.Equal(AuthorityKind.None, (await Net.Deployer.Authorities.AuthorityOfAsync(candidate)).Kind);
    }

    /// <summary><paramref name="issuer"/> rotating to <paramref name="node"/> is refused with <paramref name="expected"/>; its node still validates.</summary>
    private async Task ExpectRotationRefusedAsync<TError>(Party issuer, Address node, TError expected)
        where TError : ContractError
    {
        var current = await Net.Deployer.Authorities.NodeOfAsync(issuer.Address);
        var (error, _) = await Expect.Refusal<TError>(() => issuer.Authorities.RotateNodeAsync(node));
        Assert.Equal(expected, error);
        Assert.Equal(current, await Net.Deployer.Authorities.NodeOfAsync(issuer.Address));
        Assert.True(await Net.Deployer.Authorities.IsValidatorAsync(current));
    }
}
