using StackExchange.Redis;

namespace Ledger.Gateway.Stores;

/// <summary>
/// Checkpoints in Redis, for replicas that share a follower's progress. A save is one SET,
/// atomic by nature. Raises <see cref="StoreUnavailableException"/> when Redis is down: the
/// follower retries later and, at worst, re-reads some blocks (its work is idempotent).
/// </summary>
public sealed class RedisCheckpointStore(IConnectionMultiplexer redis, RedisKeys keys, RedisOutageMonitor monitor) : ICheckpointStore
{
    /// <inheritdoc />
    public async Task<BlockCheckpoint?> LoadAsync(string followerName, CancellationToken cancellationToken = default)
    {
        var key = keys.Checkpoint(FollowerNames.Check(followerName));
        var stored = await monitor.RunAsync("checkpoint load", () => redis.GetDatabase().StringGetAsync(key)).ConfigureAwait(false);
        return stored.IsNull ? null : CheckpointText.Parse(stored.ToString(), $"Redis key '{key}'");
    }

    /// <inheritdoc />
    public async Task SaveAsync(string followerName, BlockCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var key = keys.Checkpoint(FollowerNames.Check(followerName));
        await monitor.RunAsync("checkpoint save", () => redis.GetDatabase().StringSetAsync(key, CheckpointText.Format(checkpoint)))
            .ConfigureAwait(false);
    }
}
