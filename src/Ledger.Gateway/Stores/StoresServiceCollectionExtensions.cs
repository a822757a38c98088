using Ledger.Contracts.Ethereum;
using Ledger.Gateway.Stores.Documents;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Ledger.Gateway.Stores;

/// <summary>Registers the gateway's stores.</summary>
public static class StoresServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Redis:Configuration</c> set: one <see cref="IConnectionMultiplexer"/> for the
    /// process and Redis-backed stores (idempotency and nonce leases falling back to memory
    /// while Redis is down). Without it: in-memory stores and file checkpoints. The document
    /// store only when <c>Documents:Provider</c> names one.
    /// </summary>
    public static IServiceCollection AddLedgerStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.SectionName)).ValidateOnStart();
        services.AddOptions<RedisOptions>().Bind(configuration.GetSection(RedisOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InMemoryIdempotencyStore>();
        services.TryAddSingleton<InMemoryNonceLease>();
        services.AddLedgerDocumentStore(configuration);

        var redisConfiguration = configuration[$"{RedisOptions.SectionName}:{nameof(RedisOptions.Configuration)}"];
        if (string.IsNullOrWhiteSpace(redisConfiguration))
        {
            services.TryAddSingleton<IVerificationCache, InMemoryVerificationCache>();
            services.TryAddSingleton<IIdempotencyStore>(provider => provider.GetRequiredService<InMemoryIdempotencyStore>());
            services.TryAddSingleton<ICheckpointStore, FileCheckpointStore>();
            services.TryAddSingleton<INonceLease>(provider => provider.GetRequiredService<InMemoryNonceLease>());
            return services;
        }

        services.TryAddSingleton<IConnectionMultiplexer>(provider =>
            RedisConnectionFactory.Connect(provider.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration!));
        services.TryAddSingleton<RedisKeys>();
        services.TryAddSingleton<RedisOutageMonitor>();
        services.TryAddSingleton<RedisVerificationCache>();
        services.TryAddSingleton<IVerificationInvalidations, RedisVerificationInvalidations>();
        services.TryAddSingleton<IVerificationCache, NearVerificationCache>();
        services.TryAddSingleton<RedisIdempotencyStore>();
        services.TryAddSingleton<IIdempotencyStore>(provider => new FallbackIdempotencyStore(
            provider.GetRequiredService<RedisIdempotencyStore>(), provider.GetRequiredService<InMemoryIdempotencyStore>()));
        services.TryAddSingleton<ICheckpointStore, RedisCheckpointStore>();
        services.TryAddSingleton<RedisNonceLease>();
        services.TryAddSingleton<INonceLease>(provider => new FallbackNonceLease(
            provider.GetRequiredService<RedisNonceLease>(), provider.GetRequiredService<InMemoryNonceLease>()));
        return services;
    }
}
