using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>Redis is a cache and a coordination aid: without it the gateway answers from the chain and still writes.</summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class RedisOutageTests(LedgerNetworkFixture network)
{
    [Fact]
    public async Task Verification_keeps_answering_and_sees_changes_while_redis_is_down()
    {
        var permitId = Permits.NewId();
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId)), As(Officials.ChIssuer));
        var cached = await network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, As(Officials.FrCustoms));
        Assert.Equal(VerificationStatus.Valid, cached.Status);

        await network.Redis.StopAsync();
        try
        {
            var duringOutage = await network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, As(Officials.FrCustoms));
            Assert.Equal(VerificationStatus.Valid, duringOutage.Status);

            await network.Permits.CancelPermitAsync(
                new CancelPermitRequest { RequestId = Permits.NewRequestId(), PermitId = permitId, Reason = CancelReason.IssuedInError }, As(Officials.ChIssuer));
            var afterCancel = await network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, As(Officials.FrCustoms));
            Assert.Equal(VerificationStatus.Cancelled, afterCancel.Status);
        }
        finally
        {
            await network.Redis.StartAgainAsync();
        }
    }
}
