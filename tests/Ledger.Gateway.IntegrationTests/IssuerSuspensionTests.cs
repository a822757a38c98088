using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>Suspending an issuer by vote changes the verification of its permits at once, cached answers included.</summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class IssuerSuspensionTests(LedgerNetworkFixture network)
{
    [Fact]
    public async Task Permits_of_a_suspended_issuer_are_not_available_until_it_is_reinstated()
    {
        var permitId = Permits.NewId("NO");
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId)), As(Officials.NoIssuer));
        var before = await network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, As(Officials.FrCustoms));
        Assert.Equal(VerificationStatus.Valid, before.Status);

        var norway = network.AccountOf(Officials.NoIssuer).ToChecksumHex();
        var suspended = await CarryAsync(StatusChange.Suspend, norway);
        await WaitForFollowerAsync(suspended.Receipt.BlockNumber);
        var during = await network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, As(Officials.FrCustoms));
        Assert.Equal(VerificationStatus.NotAvailable, during.Status);
        Assert.Equal(VerificationReason.IssuerSuspended, during.Reason);

        var reinstated = await CarryAsync(StatusChange.Reinstate, norway);
        await WaitForFollowerAsync(reinstated.Receipt.BlockNumber);
        var after = await network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, As(Officials.FrCustoms));
        Assert.Equal(VerificationStatus.Valid, after.Status);
    }

    /// <summary>Proposes the change as CH and has the other issuers with keys here vote until it is carried out.</summary>
    private async Task<ProposalResponse> CarryAsync(StatusChange change, string issuer)
    {
        var response = await network.Authorities.ProposeIssuerSuspensionAsync(
            new ProposeIssuerSuspensionRequest { RequestId = Permits.NewRequestId(), Address = issuer, Change = change }, As(Officials.ChIssuer));
        foreach (var voter in new[] { Officials.FrIssuer, Officials.NoIssuer })
        {
            if (response.Proposal.State == ProposalState.Executed)
                break;
            response = await network.Authorities.VoteOnProposalAsync(
                new VoteOnProposalRequest { RequestId = Permits.NewRequestId(), ProposalId = response.Proposal.ProposalId }, As(voter));
        }
        Assert.Equal(ProposalState.Executed, response.Proposal.State);
        return response;
    }

    /// <summary>Awaits a checkpoint at or past <paramref name="block"/> on the watch stream: the follower has applied it.</summary>
    private async Task WaitForFollowerAsync(ulong block)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = network.Permits.WatchPermits(new WatchPermitsRequest(), As(Officials.FrCustoms).WithCancellationToken(cancel.Token));
        while (await watch.ResponseStream.MoveNext(cancel.Token))
        {
            if (watch.ResponseStream.Current.ItemCase == WatchPermitsResponse.ItemOneofCase.CheckpointBlock
                && watch.ResponseStream.Current.CheckpointBlock >= block)
                return;
        }
        Assert.Fail("the watch stream ended before the follower reached the block");
    }
}
