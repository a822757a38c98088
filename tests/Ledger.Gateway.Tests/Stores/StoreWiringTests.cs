using Ledger.Contracts.Ethereum;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Ledger.Gateway.Tests.Stores;

public sealed class StoreWiringTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Stores:CheckpointDirectory", _directory.File("checkpoints"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLedgerStores(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    [Fact]
    public void Without_redis_the_stores_are_in_memory_and_checkpoints_are_files()
    {
        using var services = Services([]);

        Assert.IsType<InMemoryVerificationCache>(services.GetRequiredService<IVerificationCache>());
        Assert.IsType<InMemoryIdempotencyStore>(services.GetRequiredService<IIdempotencyStore>());
        Assert.IsType<FileCheckpointStore>(services.GetRequiredService<ICheckpointStore>());
        Assert.IsType<InMemoryNonceLease>(services.GetRequiredService<INonceLease>());
        Assert.Null(services.GetService<IConnectionMultiplexer>());
    }

    [Fact]
    public void With_redis_the_stores_share_one_connection_and_fall_back_to_memory()
    {
        // Nothing listens on port 1: the multiplexer must still be created (AbortOnConnectFail=false).
        using var services = Services(new() { ["Redis:Configuration"] = "127.0.0.1:1,connectTimeout=200" });

        Assert.IsType<NearVerificationCache>(services.GetRequiredService<IVerificationCache>());
        Assert.IsType<FallbackIdempotencyStore>(services.GetRequiredService<IIdempotencyStore>());
        Assert.IsType<RedisCheckpointStore>(services.GetRequiredService<ICheckpointStore>());
        Assert.IsType<FallbackNonceLease>(services.GetRequiredService<INonceLease>());
        Assert.Same(services.GetRequiredService<IConnectionMultiplexer>(), services.GetRequiredService<IConnectionMultiplexer>());
        Assert.Single(services.GetServices<IConnectionMultiplexer>());
    }

    [Fact]
    public async Task With_redis_unreachable_from_the_start_writes_still_work_in_memory()
    {
        using var services = Services(new() { ["Redis:Configuration"] = "127.0.0.1:1,connectTimeout=200" });
        var store = services.GetRequiredService<IIdempotencyStore>();
        var key = IdempotencyKey.Create("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", "cold-start-1");

        var begun = await store.TryBeginAsync(key, new byte[] { 1 });
        await store.CompleteAsync(begun.Lease!, new byte[] { 2 });

        Assert.Equal(IdempotencyState.New, begun.State);
        Assert.Equal(new byte[] { 2 }, (await store.TryBeginAsync(key, new byte[] { 1 })).StoredResult.ToArray());
        Assert.Null(await services.GetRequiredService<IVerificationCache>().GetAsync("0x" + new string('1', 64)));
    }

    [Fact]
    public void Retention_below_a_day_and_other_bad_values_are_reported_by_key()
    {
        using var services = Services(new()
        {
            ["Stores:IdempotencyRetention"] = "12:00:00",
            ["Stores:KeyPrefix"] = "has space",
            ["Stores:NonceLeaseExpiry"] = "00:00:00",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StoreOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("Stores:IdempotencyRetention 12:00:00 must be between 1.00:00:00"));
        Assert.Contains(error.Failures, f => f.StartsWith("Stores:KeyPrefix 'has space'"));
        Assert.Contains(error.Failures, f => f.StartsWith("Stores:NonceLeaseExpiry"));
    }

    [Fact]
    public void A_malformed_redis_string_is_refused_without_echoing_it()
    {
        using var services = Services(new() { ["Redis:Configuration"] = "127.0.0.1:6379,password=hunter2,bogusOption=1" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RedisOptions>>().Value);

        Assert.Contains("Redis:Configuration is not a StackExchange.Redis configuration string", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Theory]
    [InlineData(null, "request_id is required")]
    [InlineData("short", "8 to 64 characters long, not 5")]
    [InlineData("has a space in it", "may only contain")]
    [InlineData("ünïcødé-request", "may only contain")]
    public void Request_ids_outside_the_rules_are_refused_with_a_reason(string? requestId, string reason)
    {
        Assert.False(IdempotencyKey.TryCreate("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", requestId, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Request_ids_of_the_allowed_shapes_are_accepted_and_authorities_normalised()
    {
        var key = IdempotencyKey.Create("0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266", "01J9Z8Q4:run_7.retry-1");

        Assert.Equal("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", key.Authority);
        Assert.Equal("01J9Z8Q4:run_7.retry-1", key.RequestId);
        Assert.True(IdempotencyKey.TryCreate(key.Authority, new string('a', 64), out _, out _));
        Assert.False(IdempotencyKey.TryCreate(key.Authority, new string('a', 65), out _, out _));
    }
}
