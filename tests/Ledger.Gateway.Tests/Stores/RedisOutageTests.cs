using Ledger.Contracts.Ethereum;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Ledger.Gateway.Tests.Stores;

/// <summary>
/// Kills a real redis-server under stores wired exactly as the gateway wires them
/// (AddLedgerStores), and brings it back.
/// </summary>
public sealed class RedisOutageTests : IRequiresRedis
{
    private const string Authority = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    [StoreFact]
    public async Task A_transaction_sent_while_redis_went_down_is_kept_on_this_replica_for_the_retry()
    {
        const string sentHash = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060";
        await using var redis = await RedisServer.StartAsync();
        await using var services = BuildServices(redis.Configuration, new CollectingLoggerProvider());
        var idempotency = services.GetRequiredService<IIdempotencyStore>();
        var key = IdempotencyKey.Create(Authority, "sent-during-outage");
        var begun = await idempotency.TryBeginAsync(key, new byte[] { 5 });
        Assert.Equal(IdempotencyState.New, begun.State);

        await redis.StopAsync();
        Assert.True(await idempotency.RecordSentAsync(begun.Lease!, sentHash));
        await idempotency.ReleaseAsync(begun.Lease!);
        var retry = await idempotency.TryBeginAsync(key, new byte[] { 5 });

        Assert.Equal(IdempotencyState.Sent, retry.State);
        Assert.Equal(sentHash, retry.SentTransaction);
        Assert.Equal(IdempotencyState.InProgress, (await idempotency.TryBeginAsync(key, new byte[] { 5 })).State);
        Assert.True(await idempotency.CompleteAsync(retry.Lease!, new byte[] { 6 }));
        Assert.Equal(new byte[] { 6 }, (await idempotency.TryBeginAsync(key, new byte[] { 5 })).StoredResult.ToArray());
    }

    private static readonly string PermitKey = "0x" + new string('c', 64);

    [StoreFact]
    public async Task Stores_degrade_while_redis_is_down_and_use_redis_again_when_it_returns()
    {
        await using var redis = await RedisServer.StartAsync();
        var logs = new CollectingLoggerProvider();
        await using var services = BuildServices(redis.Configuration, logs);
        var cache = services.GetRequiredService<IVerificationCache>();
        var idempotency = services.GetRequiredService<IIdempotencyStore>();
        var leases = services.GetRequiredService<INonceLease>();
        var checkpoints = services.GetRequiredService<ICheckpointStore>();
        var keys = services.GetRequiredService<RedisKeys>();

        await cache.SetAsync(PermitKey, new byte[] { 1 }, 1, TimeSpan.FromMinutes(5));
        Assert.Equal(new byte[] { 1 }, await cache.GetAsync(PermitKey));

        await redis.StopAsync();

        // Cache: misses, never throws.
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await cache.GetAsync(PermitKey));
            await cache.SetAsync(PermitKey, new byte[] { 2 }, 1, TimeSpan.FromMinutes(5));
            await cache.InvalidateAsync(PermitKey, 2);
        }
        // Idempotency: the in-memory store takes over and stays correct.
        var duringOutage = IdempotencyKey.Create(Authority, "during-outage-1");
        var begun = await idempotency.TryBeginAsync(duringOutage, new byte[] { 7 });
        Assert.Equal(IdempotencyState.New, begun.State);
        Assert.Equal(IdempotencyState.InProgress, (await idempotency.TryBeginAsync(duringOutage, new byte[] { 7 })).State);
        Assert.True(await idempotency.CompleteAsync(begun.Lease!, new byte[] { 42 }));
        Assert.Equal(new byte[] { 42 }, (await idempotency.TryBeginAsync(duringOutage, new byte[] { 7 })).StoredResult.ToArray());
        // Nonce leases: this process's lease.
        await using (var lease = await leases.TryAcquireAsync(Authority, TimeSpan.Zero))
            Assert.NotNull(lease);
        // Checkpoints: our exception, not the client library's.
        await Assert.ThrowsAsync<StoreUnavailableException>(() => checkpoints.SaveAsync("permits", new BlockCheckpoint(1, PermitKey)));

        var outageWarnings = logs.Entries.Count(e => e.Category == typeof(RedisOutageMonitor).FullName && e.Level == LogLevel.Warning);
        Assert.Equal(1, outageWarnings);

        await redis.StartAgainAsync();

        var direct = await ConnectionMultiplexer.ConnectAsync(RedisConnectionFactory.CreateOptions(redis.Configuration));
        await using (direct)
        {
            var probe = 0;
            await Eventually.TrueAsync(async () =>
            {
                var key = IdempotencyKey.Create(Authority, $"after-outage-{++probe}");
                var answer = await idempotency.TryBeginAsync(key, new byte[] { 1 });
                return answer.State == IdempotencyState.New && await direct.GetDatabase().KeyExistsAsync(keys.Idempotency(key));
            }, TimeSpan.FromSeconds(60), "the idempotency store writes to Redis again");

            await cache.SetAsync(PermitKey, new byte[] { 3 }, 1, TimeSpan.FromMinutes(5));
            Assert.Equal(new byte[] { 3 }, await cache.GetAsync(PermitKey));
            Assert.True(await direct.GetDatabase().KeyExistsAsync(keys.Verification(PermitKey)));
            await checkpoints.SaveAsync("permits", new BlockCheckpoint(5, PermitKey));
            Assert.Equal(5UL, (await checkpoints.LoadAsync("permits"))!.BlockNumber);
        }
        // A request first seen during the outage still replays on this replica.
        Assert.Equal(new byte[] { 42 }, (await idempotency.TryBeginAsync(duringOutage, new byte[] { 7 })).StoredResult.ToArray());
        Assert.Single(logs.Entries, e => e.Category == typeof(RedisOutageMonitor).FullName && e.Level == LogLevel.Information);
    }

    [StoreFact]
    public async Task Cached_values_written_before_a_failure_are_not_trusted_afterwards()
    {
        // An invalidation may be lost in a failure, so entries older than the last failure are misses.
        await using var redis = await RedisServer.StartAsync();
        await using var services = BuildServices(redis.Configuration + ",asyncTimeout=250,syncTimeout=250", new CollectingLoggerProvider());
        var cache = services.GetRequiredService<IVerificationCache>();
        var keys = services.GetRequiredService<RedisKeys>();
        var other = "0x" + new string('d', 64);
        await cache.SetAsync(PermitKey, new byte[] { 1 }, 1, TimeSpan.FromMinutes(5));

        var admin = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");
        await using (admin)
        {
            await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "3000", "ALL");
            Assert.Null(await cache.GetAsync(other)); // times out: a failure
            await Eventually.TrueAsync(
                async () => await admin.GetDatabase().KeyExistsAsync(keys.Verification(PermitKey)),
                TimeSpan.FromSeconds(20), "Redis answers again, still holding the old value");

            // The value is still in Redis, but it predates the failure.
            Assert.Null(await cache.GetAsync(PermitKey));
            Assert.True(await admin.GetDatabase().KeyExistsAsync(keys.Verification(PermitKey)));
        }

        await Eventually.TrueAsync(async () =>
        {
            await cache.SetAsync(other, new byte[] { 9 }, 1, TimeSpan.FromMinutes(5));
            return await cache.GetAsync(other) is not null;
        }, TimeSpan.FromSeconds(30), "the cache's own connection works again");
        await cache.SetAsync(PermitKey, new byte[] { 2 }, 1, TimeSpan.FromMinutes(5));
        Assert.Equal(new byte[] { 2 }, await cache.GetAsync(PermitKey));
    }

    private static ServiceProvider BuildServices(string redisConfiguration, CollectingLoggerProvider logs)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Redis:Configuration"] = redisConfiguration,
                ["Stores:KeyPrefix"] = "outage:",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddLedgerStores(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
