using Ledger.Benchmarks.Permits;
using Ledger.Devnet.Processes;
using Ledger.Gateway.Stores;
using Ledger.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Ledger.Benchmarks.Tests;

/// <summary>
/// <see cref="GatewayCacheReset"/> against a real redis-server: it deletes the gateway's cached
/// verifications, more than one page of them, and nothing else: not their change markers, not the
/// gateway's other keys, not another gateway's cache in the same Redis. That test is skipped, with
/// the reason, where redis-server is not installed; the others need no server.
/// </summary>
public sealed class GatewayCacheResetTests : IRequiresRedis
{
    [StoreFact]
    public async Task It_deletes_every_cached_verification_of_the_gateway_and_nothing_else()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var redis = await RedisNode.StartAsync(timeout.Token);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var ours = Keys("ledger:ch:");
        var theirs = Keys("ledger:fr:");
        var database = connection.GetDatabase();
        var cached = Enumerable.Range(0, 2_500).Select(i => ours.Verification(PermitKey(i))).ToArray();
        foreach (var key in cached)
            await database.StringSetAsync(key, "answer");
        RedisKey[] kept = [ours.VerificationChangedAt(PermitKey(1)), ours.Checkpoint("permits"), theirs.Verification(PermitKey(1))];
        foreach (var key in kept)
            await database.StringSetAsync(key, "kept");
        await using var gateway = new ServiceCollection()
            .AddSingleton<IConnectionMultiplexer>(connection)
            .AddSingleton(ours)
            .BuildServiceProvider();

        var (deleted, left) = await GatewayCacheReset.EmptyAsync(gateway, timeout.Token);

        Assert.Equal(cached.Length, deleted);
        Assert.Equal(0, left);
        Assert.Equal(0, await database.KeyExistsAsync(cached));
        Assert.Equal(kept.Length, await database.KeyExistsAsync(kept));
    }

    [Fact]
    public async Task A_gateway_without_Redis_is_refused_with_the_reason()
    {
        await using var gateway = new ServiceCollection().AddSingleton(Keys("ledger:ch:")).BuildServiceProvider();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayCacheReset.EmptyAsync(gateway, CancellationToken.None));

        Assert.Contains("without Redis", error.Message, StringComparison.Ordinal);
    }

    private static RedisKeys Keys(string prefix) => new(Options.Create(new StoreOptions { KeyPrefix = prefix }));

    private static string PermitKey(int i) => "0x" + i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
}
