using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Ledger.Gateway.Stores;

/// <summary>Names of the gateway's Redis keys, all under <see cref="StoreOptions.KeyPrefix"/>.</summary>
public sealed class RedisKeys(IOptions<StoreOptions> options)
{
    private readonly string _prefix = options.Value.KeyPrefix;

    /// <summary>Cached verification result of a permit key.</summary>
    public RedisKey Verification(string permitKey) => _prefix + "verify:" + permitKey;

    /// <summary>Change marker of a permit key: the highest block at which the permit is known to have changed (refuses older cached answers).</summary>
    public RedisKey VerificationChangedAt(string permitKey) => _prefix + "verify-changed:" + permitKey;

    /// <summary>Pub/sub channel on which the replicas announce changed permit keys (their in-process caches evict them).</summary>
    public RedisChannel VerificationInvalidations => RedisChannel.Literal(_prefix + "verify-invalidations");

    /// <summary>Idempotency record of a request.</summary>
    public RedisKey Idempotency(IdempotencyKey key) => _prefix + "idem:" + key.Authority + ":" + key.RequestId;

    /// <summary>Checkpoint of an event follower.</summary>
    public RedisKey Checkpoint(string followerName) => _prefix + "checkpoint:" + followerName;

    /// <summary>Nonce lease of an account.</summary>
    public RedisKey NonceLease(string account) => _prefix + "nonce:" + account;

    /// <summary>The next nonce of an account, left by the last lease holder for the next.</summary>
    public RedisKey NonceHandover(string account) => _prefix + "nonce-next:" + account;

    /// <summary>Where a released nonce lease is announced (the message is the account), to wake waiting replicas.</summary>
    public RedisChannel NonceReleased => RedisChannel.Literal(_prefix + "nonce-released");
}
