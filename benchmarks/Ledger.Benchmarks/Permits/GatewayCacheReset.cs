using Ledger.Gateway.Stores;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Ledger.Benchmarks.Permits;

/// <summary>
/// Empties a gateway's verification cache in Redis between uncached windows, so that every window
/// asks the same bulk-loaded permits as misses. Without it each window needed permits of its own,
/// and the chain grew by hundreds of thousands of them during the stage: anvil's time per block
/// grows with its state, so later windows measured a slower node than the earlier ones.
/// </summary>
/// <remarks>
/// Only the values go (the gateway's own key names, <see cref="RedisKeys.Verification"/>); change
/// markers stay, as an invalidation leaves them. The gateway's in-process near cache holds only
/// values it read from Redis, and a window asks each permit once, so it holds none of them.
/// </remarks>
internal static class GatewayCacheReset
{
    private const int PageSize = 1_000;

    /// <summary>Deletes every cached verification of the gateway; returns how many were deleted.</summary>
    /// <exception cref="InvalidOperationException">The gateway runs without Redis, or a value is left afterwards.</exception>
    public static async Task<long> EmptyAsync(IServiceProvider gateway, CancellationToken ct)
    {
        var redis = gateway.GetService<IConnectionMultiplexer>()
            ?? throw new InvalidOperationException("The gateway runs without Redis: its verification cache cannot be emptied between windows.");
        var pattern = gateway.GetRequiredService<RedisKeys>().Verification("*");
        var database = redis.GetDatabase();
        var server = redis.GetServers().Single();
        var removed = 0L;
        var page = new List<RedisKey>(PageSize);
        await foreach (var key in server.KeysAsync(database.Database, pattern.ToString(), PageSize).WithCancellation(ct))
        {
            page.Add(key);
            if (page.Count == PageSize)
                removed += await DeleteAsync(database, page);
        }
        removed += await DeleteAsync(database, page);
        await foreach (var left in server.KeysAsync(database.Database, pattern.ToString(), PageSize).WithCancellation(ct))
            throw new InvalidOperationException($"The gateway's verification cache still holds {left} after it was emptied: a window would measure hits.");
        return removed;
    }

    private static async Task<long> DeleteAsync(IDatabase database, List<RedisKey> page)
    {
        if (page.Count == 0)
            return 0;
        var deleted = await database.KeyDeleteAsync(page.ToArray());
        page.Clear();
        return deleted;
    }
}
