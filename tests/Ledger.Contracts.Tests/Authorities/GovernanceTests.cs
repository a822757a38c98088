using Ledger.Core.Primitives;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Tests.Devnet;
using static Ledger.Contracts.Tests.Devnet.LedgerNet;

namespace Ledger.Contracts.Tests.Authorities;

/// <summary>
/// Governance through the binding: proposals, votes and their events. Each test has a devnet
/// of its own, because votes change who the active issuers are.
/// </summary>
public sealed class GovernanceTests
{
    private static readonly CountryBytes DE = CountryBytes.FromCode("DE");

    [Fact]
    public async Task A_majority_admits_an_issuer_and_then_a_secretariat_with_every_step_an_event()
    {
        await using var net = await LedgerNet.StartAsync();
        var candidate = net.Spare[0].Address;
        var code = AuthorityCode.FromText("BfN");
        var ch = net.IssuerCH.Authorities;

        var proposed = await ch.ProposeIssuerAsync(candidate, DE, code, LedgerNet.NodeAddress(candidate.ToString()));
        Assert.Equal(1UL, proposed.Value);
        var opened = Expect.Events(ch.DecodeEvents(proposed.Outcome.Receipt), proposed.Outcome, ch.Address, typeof(ProposalCreated), typeof(ProposalVoted));
        var created = (ProposalCreated)opened[0];
        var blockTime = await net.Rpc.GetBlockTimestampAsync(new BlockParameter(proposed.Outcome.BlockNumber));
        var node = LedgerNet.NodeAddress(candidate.ToString());
        Assert.Equal((1UL, net.IssuerCH.Address, candidate, ProposalAction.AdmitIssuer, DE, code, node, blockTime + 7 * 86400, 2u),
            (created.Id, created.Proposer, created.Target, created.Action, created.Country, created.Code, created.Node, created.ExpiresAt, created.RequiredVotes));
        var firstVote = (ProposalVoted)opened[1];
        Assert.Equal((1UL, net.IssuerCH.Address, 1u, 2u), (firstVote.Id, firstVote.Voter, firstVote.Votes, firstVote.RequiredVotes));

        Assert.Equal(new ProposalRecord(ProposalAction.AdmitIssuer, candidate, DE, blockTime + 7 * 86400, 1, 2, 3, false, net.IssuerCH.Address, code, node),
            await ch.ProposalAsync(1));
        Assert.Equal([1UL], await ch.PendingProposalIdsAsync());
        Assert.Equal(1UL, await ch.ProposalCountAsync());
        Assert.True(await ch.HasVotedAsync(1, net.IssuerCH.Address));
        Assert.False(await ch.HasVotedAsync(1, net.IssuerFR.Address));

        var validatorsBefore = await ch.GetValidatorsAsync();
        var voted = await net.IssuerFR.Authorities.VoteAsync(1);
        Assert.True(voted.Value);
        var carried = Expect.Events(ch.DecodeEvents(voted.Outcome.Receipt), voted.Outcome, ch.Address,
            typeof(ProposalVoted), typeof(AuthorityDesignated), typeof(ValidatorAdded), typeof(FaultToleranceRestored), typeof(ProposalExecuted));
        Assert.Equal((1UL, net.IssuerFR.Address, 2u, 2u), ((ProposalVoted)carried[0]) is var v ? (v.Id, v.Voter, v.Votes, v.RequiredVotes) : default);
        var admitted = (AuthorityDesignated)carried[1];
        Assert.Equal((candidate, net.IssuerFR.Address, AuthorityKind.Issuer, DE, code), (admitted.Account, admitted.Actor, admitted.Kind, admitted.Country, admitted.Code));
        var validator = (ValidatorAdded)carried[2];
        Assert.Equal((node, candidate, net.IssuerFR.Address), (validator.Node, validator.Account, validator.Actor));
        // Three founders' nodes plus the candidate's: QBFT tolerates one faulty validator again.
        Assert.Equal(4UL, ((FaultToleranceRestored)carried[3]).Validators);
        var executed = (ProposalExecuted)carried[4];
        Assert.Equal((1UL, net.IssuerFR.Address), (executed.Id, executed.Executor));
        Assert.Equal(new AuthorityRecord(DE, AuthorityKind.Issuer, AuthorityStatus.Active, 4, code), await ch.AuthorityOfAsync(candidate));
        Assert.Equal(4UL, await ch.ActiveIssuerCountAsync());
        Assert.DoesNotContain(node, validatorsBefore);
        Expect.SameAddresses(validatorsBefore.Append(node), await ch.GetValidatorsAsync());
        Assert.Equal(4UL, await ch.ValidatorCountAsync());
        Assert.True(await ch.IsValidatorAsync(node));
        Assert.Equal(node, await ch.NodeOfAsync(candidate));
        Assert.Equal(candidate, await ch.AccountOfNodeAsync(node));
        Assert.Empty(await ch.PendingProposalIdsAsync());
        Assert.True((await ch.ProposalAsync(1)).Executed);

        // Four issuers: a strict majority is three, so the second vote does not carry it yet.
        var secretariat = net.Spare[1].Address;
        var secretariatCode = AuthorityCode.FromText("CITES Secretariat");
        var second = await ch.ProposeSecretariatAsync(secretariat, CH, secretariatCode);
        Assert.Equal(2UL, second.Value);
        Assert.Equal(3u, ((ProposalCreated)ch.DecodeEvents(second.Outcome.Receipt)[0]).RequiredVotes);
        var notYet = await net.IssuerFR.Authorities.VoteAsync(2);
        Assert.False(notYet.Value);
        Assert.Equal([typeof(ProposalVoted)], ch.DecodeEvents(notYet.Outcome.Receipt).Select(e => e.GetType()));
        var carriedByNorway = await net.IssuerNO.Authorities.VoteAsync(2);
        Assert.True(carriedByNorway.Value);
        Assert.Equal(new AuthorityRecord(CH, AuthorityKind.Secretariat, AuthorityStatus.Active, 0, secretariatCode), await ch.AuthorityOfAsync(secretariat));
        Assert.Equal(4UL, await ch.ActiveIssuerCountAsync());
    }

    [Fact]
    public async Task A_majority_suspends_and_reinstates_an_issuer()
    {
        await using var net = await LedgerNet.StartAsync();
        var ch = net.IssuerCH.Authorities;
        var norway = net.IssuerNO.Address;

        var suspension = await ch.ProposeSuspensionAsync(norway);
        var suspended = await net.IssuerFR.Authorities.VoteAsync(suspension.Value);
        Assert.True(suspended.Value);
        var change = ch.DecodeEvents(suspended.Outcome.Receipt).OfType<AuthorityStatusChanged>().Single();
        Assert.Equal((norway, net.IssuerFR.Address, AuthorityStatus.Suspended), (change.Account, change.Actor, change.Status));
        Assert.Equal(2UL, await ch.ActiveIssuerCountAsync());
        var removed = ch.DecodeEvents(suspended.Outcome.Receipt).OfType<ValidatorRemoved>().Single();
        Assert.Equal((NodeAddress("NO"), norway, net.IssuerFR.Address), (removed.Node, removed.Account, removed.Actor));
        Assert.Equal(2UL, ch.DecodeEvents(suspended.Outcome.Receipt).OfType<FaultToleranceLost>().Single().Validators);
        Expect.SameAddresses([NodeAddress("CH"), NodeAddress("FR")], await ch.GetValidatorsAsync());
        Assert.Equal(NodeAddress("NO"), await ch.NodeOfAsync(norway));
        Assert.Equal(ProposalAction.Suspend, (await ch.ProposalAsync(suspension.Value)).Action);

        var reinstatement = await ch.ProposeReinstatementAsync(norway);
        Assert.Equal(ProposalAction.Reinstate, ((ProposalCreated)ch.DecodeEvents(reinstatement.Outcome.Receipt)[0]).Action);
        var reinstated = await net.IssuerFR.Authorities.VoteAsync(reinstatement.Value);
        var back = ch.DecodeEvents(reinstated.Outcome.Receipt).OfType<AuthorityStatusChanged>().Single();
        Assert.Equal((norway, net.IssuerFR.Address, AuthorityStatus.Active), (back.Account, back.Actor, back.Status));
        Assert.Equal(3UL, await ch.ActiveIssuerCountAsync());
        var restored = ch.DecodeEvents(reinstated.Outcome.Receipt).OfType<ValidatorAdded>().Single();
        Assert.Equal((NodeAddress("NO"), norway, net.IssuerFR.Address), (restored.Node, restored.Account, restored.Actor));
        // Three validators are still below the QBFT minimum of four: reported as lost, not restored.
        Assert.Equal(3UL, ch.DecodeEvents(reinstated.Outcome.Receipt).OfType<FaultToleranceLost>().Single().Validators);
        Expect.SameAddresses(net.Founders.Select(f => f.Node), await ch.GetValidatorsAsync());
    }

    [Fact]
    public async Task An_expired_proposal_is_closed_and_its_target_can_be_proposed_again()
    {
        await using var net = await LedgerNet.StartAsync();
        var ch = net.IssuerCH.Authorities;
        var candidate = net.Spare[0].Address;
        var first = await ch.ProposeIssuerAsync(candidate, DE, AuthorityCode.FromText("BfN"), LedgerNet.NodeAddress(candidate.ToString()));
        var other = await ch.ProposeIssuerAsync(net.Spare[1].Address, DE, AuthorityCode.FromText("BLE"), LedgerNet.NodeAddress(net.Spare[1].Address.ToString()));
        await net.PassTimeAsync(TimeSpan.FromDays(7));

        var closed = await net.IssuerFR.Authorities.CloseExpiredAsync(first.Value);
        var closing = (ProposalClosed)Expect.Events(ch.DecodeEvents(closed.Receipt), closed, ch.Address, typeof(ProposalClosed))[0];
        Assert.Equal((first.Value, net.IssuerFR.Address), (closing.Id, closing.Closer));
        Assert.Equal([other.Value], await ch.PendingProposalIdsAsync());

        // A new proposal about the other candidate closes its expired one on the way.
        var renewed = await ch.ProposeIssuerAsync(net.Spare[1].Address, DE, AuthorityCode.FromText("BLE"), LedgerNet.NodeAddress(net.Spare[1].Address.ToString()));
        var renewal = ch.DecodeEvents(renewed.Outcome.Receipt);
        Assert.Equal([typeof(ProposalClosed), typeof(ProposalCreated), typeof(ProposalVoted)], renewal.Select(e => e.GetType()));
        Assert.Equal(other.Value, ((ProposalClosed)renewal[0]).Id);
        Assert.Equal(renewed.Value, ((ProposalCreated)renewal[1]).Id);
        Assert.True((await net.IssuerFR.Authorities.VoteAsync(renewed.Value)).Value);

        // Four issuers now (the other candidate was admitted): three votes carry it.
        var reproposed = await ch.ProposeIssuerAsync(candidate, DE, AuthorityCode.FromText("BfN"), LedgerNet.NodeAddress(candidate.ToString()));
        Assert.False((await net.IssuerFR.Authorities.VoteAsync(reproposed.Value)).Value);
        Assert.True((await net.IssuerNO.Authorities.VoteAsync(reproposed.Value)).Value);
        Assert.Equal(AuthorityKind.Issuer, (await ch.AuthorityOfAsync(candidate)).Kind);
    }
}
