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

    /// <summary>
    /// Deletes every cached verification of the gateway, looking again up to <see cref="Passes"/>
    /// times: an answer whose client gave up (a deadline) may still be written after a pass.
    /// </summary>
    /// <returns>How many were deleted, and how many were still there after the last pass (each a possible hit in the next window).</returns>
    /// <exception cref="InvalidOperationException">The gateway runs without Redis.</exception>
    public static async Task<(long Deleted, long Left)> EmptyAsync(IServiceProvider gateway, CancellationToken ct)
    {
        var redis = gateway.GetService<IConnectionMultiplexer>()
            ?? throw new InvalidOperationException("The gateway runs without Redis: its verification cache cannot be emptied between windows.");
        var pattern = gateway.GetRequiredService<RedisKeys>().Verification("*").ToString();
        var database = redis.GetDatabase();
        var server = redis.GetServers().Single();
        var deleted = 0L;
        for (var pass = 0; pass < Passes; pass++)
        {
            var page = new List<RedisKey>(PageSize);
            var found = 0L;
            await foreach (var key in server.KeysAsync(database.Database, pattern, PageSize).WithCancellation(ct))
            {
                found++;
                page.Add(key);
                if (page.Count == PageSize)
                    deleted += await DeleteAsync(database, page);
            }
            deleted += await DeleteAsync(database, page);
            if (found == 0)
                return (deleted, 0);
        }
        var left = 0L;
        await foreach (var _ in server.KeysAsync(database.Database, pattern, PageSize).WithCancellation(ct))
            left++;
        return (deleted, left);
    }

    /// <summary>Most delete passes of one <see cref="EmptyAsync"/>; if the last still found keys, a closing scan counts what is left.</summary>
    public const int Passes = 3;

    private static async Task<long> DeleteAsync(IDatabase database, List<RedisKey> page)
    {
        if (page.Count == 0)
            return 0;
        var deleted = await database.KeyDeleteAsync(page.ToArray());
        page.Clear();
        return deleted;
    }
}
