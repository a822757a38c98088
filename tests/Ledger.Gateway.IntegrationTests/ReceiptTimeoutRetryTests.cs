using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// A write whose receipt did not come in time answers UNAVAILABLE; a retry with the same
/// request ID looks up the transaction the first attempt sent instead of sending another: still
/// UNAVAILABLE while it is pending, then the first result once it is mined. Before, the retry of
/// a cancel or a vote was refused (PermitAlreadyClosed, AlreadyVoted).
/// </summary>
[Collection(PausedMiningCollection.Name)]
public sealed class ReceiptTimeoutRetryTests(PausedMiningNetworkFixture network)
{
    private readonly ChainProbe _chain = new(network);

    [Fact]
    public async Task A_cancel_retried_after_a_receipt_timeout_returns_the_first_result()
    {
        var permitId = Permits.NewId();
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId)), As(Officials.ChIssuer));
        var request = new CancelPermitRequest { RequestId = Permits.NewRequestId(), PermitId = permitId, Reason = CancelReason.Withdrawn };

        var answer = await RetryAcrossTimeoutAsync(Officials.ChIssuer, () => network.Permits.CancelPermitAsync(request, As(Officials.ChIssuer)).ResponseAsync);

        Assert.True(answer.Receipt.Replayed);
        Assert.Equal(["PermitRegistered", "PermitCancelled"], await _chain.EventsAsync(permitId));
        var again = await network.Permits.CancelPermitAsync(request, As(Officials.ChIssuer));
        Assert.Equal(answer.Receipt.TxHash, again.Receipt.TxHash);
    }

    [Fact]
    public async Task A_proposal_and_a_vote_retried_after_receipt_timeouts_return_their_first_results()
    {
        var candidate = network.Devnet.Accounts[9].Address.ToChecksumHex();
        var propose = new ProposeIssuerRequest { RequestId = Permits.NewRequestId(), Address = candidate, Country = "AT", Code = "BMK", Node = LedgerDeployment.NodeOf("AT").ToChecksumHex() };
        var proposed = await RetryAcrossTimeoutAsync(Officials.ChIssuer, () => network.Authorities.ProposeIssuerAsync(propose, As(Officials.ChIssuer)).ResponseAsync);
        Assert.True(proposed.Receipt.Replayed);
        Assert.Equal(ProposalState.Open, proposed.Proposal.State);
        Assert.Equal(1u, proposed.Proposal.Votes);

        var vote = new VoteOnProposalRequest { RequestId = Permits.NewRequestId(), ProposalId = proposed.Proposal.ProposalId };
        var voted = await RetryAcrossTimeoutAsync(Officials.FrIssuer, () => network.Authorities.VoteOnProposalAsync(vote, As(Officials.FrIssuer)).ResponseAsync);
        Assert.True(voted.Receipt.Replayed);
        Assert.Equal(ProposalState.Executed, voted.Proposal.State);
        var admitted = await network.Authorities.GetAuthorityAsync(new GetAuthorityRequest { Address = candidate }, As(Officials.Observer));
        Assert.Equal("AT", admitted.Country);
    }

    /// <summary>
    /// Pauses mining, makes the call (UNAVAILABLE after the receipt timeout), retries while the
    /// transaction is pending (UNAVAILABLE again, nothing new sent), mines, and returns the
    /// retry's answer. The account sent exactly one transaction throughout.
    /// </summary>
    private async Task<T> RetryAcrossTimeoutAsync<T>(string official, Func<Task<T>> call)
    {
        var nonce = await network.NonceOfAsync(official);
        await network.PauseMiningAsync();
        try
        {
            var first = await Assert.ThrowsAsync<RpcException>(call);
            Assert.True(first.StatusCode == StatusCode.Unavailable, first.Status.ToString());
            Assert.Equal(nonce + 1, await network.NonceOfAsync(official));

            var pending = await Assert.ThrowsAsync<RpcException>(call);
            Assert.True(pending.StatusCode == StatusCode.Unavailable, pending.Status.ToString());
            Assert.Contains("not mined yet", pending.Status.Detail);
            Assert.Equal(nonce + 1, await network.NonceOfAsync(official));
        }
        finally
        {
            await network.MineAndResumeAsync();
        }
        var answer = await call();
        Assert.Equal(nonce + 1, await network.NonceOfAsync(official));
        return answer;
    }
}
