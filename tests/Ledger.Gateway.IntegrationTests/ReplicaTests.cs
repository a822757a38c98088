using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Tests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>Two gateway replicas sharing an authority key and Redis send concurrently without losing a write.</summary>
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
}
