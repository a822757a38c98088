using Google.Protobuf;
using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Gateway.Follower;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// A replica read VALID, the permit was cancelled through another gateway, and the replica's cache
/// write of that VALID answer reaches Redis only after the cancellation's invalidation (the race a
/// fire-and-forget SET and shared node reads make possible). The late write must not bring VALID back.
/// </summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class StaleCacheWriteTests(LedgerNetworkFixture network)
{
    [Fact]
    public async Task A_valid_answer_written_to_the_cache_after_the_cancellations_invalidation_is_not_served()
    {
        await using var replica = await GatewayHost.StartAsync(network.Settings);
        using var channel = GrpcChannel.ForAddress(replica.Address);
        var b = new PermitService.PermitServiceClient(channel);
        var permitId = Permits.NewId();
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId)), As(Officials.ChIssuer));
        async Task<VerifyPermitResponse> VerifyAtBAsync() =>
            await b.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, As(Officials.ChCustoms));
        var valid = await VerifyAtBAsync();
        Assert.Equal(VerificationStatus.Valid, valid.Status);

        var cancelled = await network.Permits.CancelPermitAsync(
            new CancelPermitRequest { RequestId = Permits.NewRequestId(), PermitId = permitId, Reason = CancelReason.Fraud }, As(Officials.ChIssuer));
        Assert.True(cancelled.Receipt.BlockNumber > valid.AsOfBlock);
        // Both gateways' followers invalidate the permit when they apply the cancellation's block; a
        // write that landed before one of them did would be dropped by it, not by the marker.
        foreach (var gateway in new[] { network.Gateway, replica })
        {
            var follower = gateway.Services.GetRequiredService<PermitEventFollower>();
            await Eventually.TrueAsync(() => Task.FromResult(follower.AppliedThrough >= cancelled.Receipt.BlockNumber), TimeSpan.FromSeconds(30),
                "each gateway's follower applies the cancellation's block");
        }

        // Replica B's delayed SET: the very bytes B caches for that answer, read at its block, into the gateways' Redis.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(RedisConnectionFactory.CreateOptions(network.Redis.Configuration));
        var lateWriter = new RedisVerificationCache(connection,
            new RedisKeys(Options.Create(new StoreOptions { KeyPrefix = network.Settings["Stores:KeyPrefix"]! })),
            new RedisOutageMonitor(TimeProvider.System, NullLogger<RedisOutageMonitor>.Instance), TimeProvider.System);
        await lateWriter.SetAsync(valid.PermitKey, valid.ToByteArray(), valid.AsOfBlock, TimeSpan.FromSeconds(30));

        Assert.Null(await lateWriter.GetAsync(valid.PermitKey));
        Assert.Equal(VerificationStatus.Cancelled, (await VerifyAtBAsync()).Status);
        Assert.Equal(VerificationStatus.Cancelled,
            (await network.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, As(Officials.FrCustoms))).Status);

        // The same write claiming the cancellation's block is stored and served by B: the late write
        // above went to the very key the gateways read, so its refusal is what kept VALID out.
        await lateWriter.SetAsync(valid.PermitKey, valid.ToByteArray(), cancelled.Receipt.BlockNumber, TimeSpan.FromSeconds(30));
        Assert.Equal(VerificationStatus.Valid, (await VerifyAtBAsync()).Status);
    }

    [Fact]
    public async Task The_event_follower_marks_a_changed_permit_at_the_block_of_its_last_change()
    {
        // A gateway with its own key prefix learns of writes through the other gateway only by following events.
        var prefix = $"mark-{Guid.NewGuid():N}"[..20] + ":";
        var settings = new Dictionary<string, string?>(network.Settings) { ["Stores:KeyPrefix"] = prefix };
        await using var follower = await GatewayHost.StartAsync(settings);
        var permitId = Permits.NewId();
        var registered = await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId)), As(Officials.ChIssuer));
        var cancelled = await network.Permits.CancelPermitAsync(
            new CancelPermitRequest { RequestId = Permits.NewRequestId(), PermitId = permitId, Reason = CancelReason.Fraud }, As(Officials.ChIssuer));
        Assert.True(cancelled.Receipt.BlockNumber > registered.Receipt.BlockNumber);

        await using var connection = await ConnectionMultiplexer.ConnectAsync(RedisConnectionFactory.CreateOptions(network.Redis.Configuration));
        var marker = new RedisKeys(Options.Create(new StoreOptions { KeyPrefix = prefix })).VerificationChangedAt(registered.Permit.PermitKey);
        var expected = cancelled.Receipt.BlockNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Eventually.TrueAsync(async () => (string?)await connection.GetDatabase().StringGetAsync(marker) == expected, TimeSpan.FromSeconds(30),
            $"the follower marks {permitId} changed at the cancellation's block {expected}");
    }
}
