using Ledger.Core.Primitives;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Tests.Devnet;
using static Ledger.Contracts.Tests.Devnet.LedgerNet;

using Nethereum.RPC.Eth.DTOs;

namespace Ledger.Contracts.Tests.Authorities;

/// <summary>Agencies and the AuthorityRegistry's views, through the binding, on anvil.</summary>
public sealed class AuthorityDirectoryTests(LedgerNetFixture fixture) : IClassFixture<LedgerNetFixture>
{
    private LedgerNet Net => fixture.Net;

    [Fact]
    public async Task An_issuer_designates_suspends_and_reinstates_its_agency_with_an_event_each()
    {
        var issuer = Net.IssuerFR;
        var agency = Net.Spare[0].Address;
        var code = AuthorityCode.FromText("ANSES");
        var registry = issuer.Authorities;

        var designated = await registry.DesignateAsync(agency, AuthorityKind.ScientificAuthority, code);
        var added = (AuthorityDesignated)Expect.Events(registry.DecodeEvents(designated.Receipt), designated, registry.Address, typeof(AuthorityDesignated))[0];
        Assert.Equal((agency, issuer.Address, AuthorityKind.ScientificAuthority, FR, code), (added.Account, added.Actor, added.Kind, added.Country, added.Code));
        Assert.Equal(new AuthorityRecord(FR, AuthorityKind.ScientificAuthority, AuthorityStatus.Active, 0, code), await registry.AuthorityOfAsync(agency));
        Assert.True(await registry.IsActiveAsync(agency, AuthorityKind.ScientificAuthority, FR));
        Assert.False(await registry.IsActiveAsync(agency, AuthorityKind.ScientificAuthority, CH));
        Assert.False(await registry.IsActiveAsync(agency, AuthorityKind.Customs, FR));

        var suspended = await registry.SuspendAgencyAsync(agency);
        var suspension = (AuthorityStatusChanged)Expect.Events(registry.DecodeEvents(suspended.Receipt), suspended, registry.Address, typeof(AuthorityStatusChanged))[0];
        Assert.Equal((agency, issuer.Address, AuthorityStatus.Suspended), (suspension.Account, suspension.Actor, suspension.Status));
        Assert.Equal(new AuthorityProfile(FR, AuthorityKind.ScientificAuthority, AuthorityStatus.Suspended), await registry.ProfileOfAsync(agency));
        Assert.False(await registry.IsActiveAsync(agency, AuthorityKind.ScientificAuthority, FR));

        var reinstated = await registry.ReinstateAgencyAsync(agency);
        var reinstatement = (AuthorityStatusChanged)Expect.Events(registry.DecodeEvents(reinstated.Receipt), reinstated, registry.Address, typeof(AuthorityStatusChanged))[0];
        Assert.Equal((agency, issuer.Address, AuthorityStatus.Active), (reinstatement.Account, reinstatement.Actor, reinstatement.Status));
        Assert.Equal(new AuthorityProfile(FR, AuthorityKind.ScientificAuthority, AuthorityStatus.Active), await registry.ProfileOfAsync(agency));

        // Reads at a past block see the state of that block.
        Assert.Equal(AuthorityStatus.Suspended, (await registry.ProfileOfAsync(agency, new BlockParameter(suspended.BlockNumber))).Status);
    }

    [Fact]
    public async Task Profiles_of_an_actor_and_an_issuer_come_from_one_call()
    {
        var profiles = await Net.Deployer.Authorities.ProfilesOfAsync(Net.CustomsCH.Address, Net.IssuerFR.Address);
        Assert.Equal(new ActorIssuerProfiles(CH, AuthorityKind.Customs, AuthorityStatus.Active, FR, AuthorityStatus.Active), profiles);
    }

    [Fact]
    public async Task The_authority_list_its_pages_and_its_count_agree_at_one_block()
    {
        var registry = Net.Deployer.Authorities;
        var block = new BlockParameter(await Net.Rpc.GetBlockNumberAsync());
        var all = await registry.AuthoritiesAsync(block);
        Assert.Equal((ulong)all.Count, await registry.AuthorityCountAsync(block));
        Assert.Equal(Net.Founders.Select(f => f.Account), all.Take(3));
        Assert.Contains(Net.CustomsNO.Address, all);

        var paged = new List<Address>();
        for (ulong offset = 0; offset < (ulong)all.Count; offset += 3)
            paged.AddRange(await registry.AuthoritiesPageAsync(offset, 3, block));
        Assert.Equal(all, paged);
        Assert.Empty(await registry.AuthoritiesPageAsync((ulong)all.Count, 10, block));
        Assert.Equal(3UL, await registry.ActiveIssuerCountAsync(block));
    }

    [Fact]
    public async Task Unknown_accounts_and_proposals_read_as_all_zero()
    {
        var registry = Net.Deployer.Authorities;
        var stranger = new Address(TestData.RandomHash().ToArray()[..20]);
        var authority = await registry.AuthorityOfAsync(stranger);
        Assert.False(authority.IsKnown);
        Assert.Equal(new AuthorityRecord(CountryBytes.None, AuthorityKind.None, AuthorityStatus.None, 0, Bytes32.Zero), authority);
        Assert.Equal(new AuthorityProfile(CountryBytes.None, AuthorityKind.None, AuthorityStatus.None), await registry.ProfileOfAsync(stranger));

        var proposal = await registry.ProposalAsync(1_000_000);
        Assert.False(proposal.IsKnown);
        Assert.False(await registry.HasVotedAsync(1_000_000, Net.IssuerCH.Address));
    }

    [Fact]
    public async Task Proposals_accept_votes_for_seven_days() =>
        Assert.Equal(TimeSpan.FromDays(7), await Net.Deployer.Authorities.ProposalLifetimeAsync());

    [Fact]
    public async Task Fault_tolerance_needs_four_validators_and_gateway_urls_end_at_256_bytes()
    {
        Assert.Equal(4UL, await Net.Deployer.Authorities.BftMinValidatorsAsync());
        Assert.Equal(256UL, await Net.Deployer.Authorities.MaxGatewayUrlLengthAsync());
    }

    [Fact]
    public async Task Events_in_a_block_range_come_back_decoded_in_chain_order()
    {
        var latest = await Net.Rpc.GetBlockNumberAsync();
        var events = await Net.Deployer.Authorities.ReadEventsAsync(Net.Deployment.AuthorityRegistry.BlockNumber, latest).ToListAsync();
        var designations = events.OfType<AuthorityDesignated>().ToArray();
        Assert.Equal(Net.Founders.Select(f => f.Account), designations.Take(3).Select(d => d.Account));
        Assert.Contains(designations, d => d.Account == Net.CustomsCH2.Address && d.Actor == Net.IssuerCH.Address && d.Kind == AuthorityKind.Customs);
        var positions = events.Select(e => (e.Log.BlockNumber, e.Log.LogIndex)).ToArray();
        Assert.Equal(positions.Order(), positions);

        // Two blocks per eth_getLogs call: many pages, the same events.
        var paged = await Net.Deployer.Authorities.ReadEventsAsync(Net.Deployment.AuthorityRegistry.BlockNumber, latest, maxBlocksPerPage: 2).ToListAsync();
        Assert.Equal(positions, paged.Select(e => (e.Log.BlockNumber, e.Log.LogIndex)));
    }

    [Fact]
    public async Task A_binding_without_a_sender_reads_but_refuses_to_write()
    {
        var readOnly = new AuthorityRegistryContract(Net.Deployment.AuthorityRegistry.Address, Net.Rpc);
        Assert.Equal(3UL, await readOnly.ActiveIssuerCountAsync(new BlockParameter(Net.Deployment.PermitRegistry.BlockNumber)));
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => readOnly.SuspendAgencyAsync(Net.CustomsCH.Address));
        Assert.Contains("without a transaction sender", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_an_address_without_the_contract_says_so()
    {
        var nothing = new AuthorityRegistryContract(Net.Spare[5].Address, Net.Rpc);
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => nothing.AuthorityCountAsync());
        Assert.Contains("no AuthorityRegistry at that address", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enum_values_the_contract_does_not_define_are_refused_before_sending()
    {
        var refusal = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Net.IssuerCH.Authorities.DesignateAsync(Net.Spare[6].Address, (AuthorityKind)9, AuthorityCode.FromText("X")));
        Assert.Equal("kind", refusal.ParamName);
    }
}
