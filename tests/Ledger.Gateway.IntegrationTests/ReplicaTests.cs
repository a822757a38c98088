using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Tests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// Two gateway replicas sharing an authority key and Redis: they send concurrently without losing a
/// write, and neither answers a verification from its in-process copy after the other changed the permit.
/// </summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class ReplicaTests(LedgerNetworkFixture network)
{
    private readonly ChainProbe _chain = new(network);

    [Fact]
    public async Task Concurrent_writes_through_two_replicas_all_land()
    {
        await using var replica = await GatewayHost.StartAsync(network.Settings);
        using var channel = GrpcChannel.ForAddress(replica.Address);
        var clients = new[] { network.Permits, new PermitService.PermitServiceClient(channel) };
        var nonce = await network.NonceOfAsync(Officials.ChIssuer);

        var ids = Enumerable.Range(0, 12).Select(_ => Permits.NewId()).ToList();
        await Task.WhenAll(ids.Select((id, i) =>
            clients[i % 2].RegisterPermitAsync(Permits.Register(Permits.ExportDraft(id)), As(Officials.ChIssuer)).ResponseAsync));

        foreach (var id in ids)
            Assert.Equal(["PermitRegistered"], await _chain.EventsAsync(id));
        Assert.Equal(nonce + (ulong)ids.Count, await network.NonceOfAsync(Officials.ChIssuer));
    }

    [Fact]
    public async Task A_write_through_one_replica_is_not_served_stale_from_the_other_replicas_near_cache()
    {
        // Replica B keeps copies 30 s and its follower waits 1,000 blocks: only A's invalidation, over
        // Redis pub/sub, can tell B's copy that the permit changed within the test.
        var settings = new Dictionary<string, string?>(network.Settings)
        {
            ["Stores:NearCacheMaxAge"] = "00:00:30",
            ["Chain:Confirmations"] = "1000",
        };
        await using var replica = await GatewayHost.StartAsync(settings);
        using var channel = GrpcChannel.ForAddress(replica.Address);
        var b = new PermitService.PermitServiceClient(channel);
        var permitId = Permits.NewId();
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId)), As(Officials.ChIssuer));
        async Task<VerificationStatus> VerifyAtBAsync() =>
            (await b.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, As(Officials.ChCustoms))).Status;
        // The first answer fills Redis, later ones B's copy (once B's subscription is up).
        for (var i = 0; i < 20; i++)
            Assert.Equal(VerificationStatus.Valid, await VerifyAtBAsync());

        await network.Permits.CancelPermitAsync(
            new CancelPermitRequest { RequestId = Permits.NewRequestId(), PermitId = permitId, Reason = CancelReason.Fraud }, As(Officials.ChIssuer));

        await Eventually.TrueAsync(async () => await VerifyAtBAsync() == VerificationStatus.Cancelled, TimeSpan.FromSeconds(5),
            "replica B answers CANCELLED after the cancellation through replica A");
    }
}
