namespace Ledger.Gateway.Stores;

/// <summary>Retention, capacity and location settings of the stores (configuration section <c>Stores</c>).</summary>
public sealed class StoreOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Stores";

    /// <summary>Prefix of every Redis key, so that several networks can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "ledger:";

    /// <summary>How long a completed write is remembered for replay (at least 24 hours).</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a write in progress blocks retries of the same request ID; after that a
    /// retry may run again (the gateway may have died mid-write). Longer than a transaction's
    /// time to be mined.
    /// </summary>
    public TimeSpan IdempotencyInProgressLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Most idempotency records the in-memory store holds (also during a Redis outage).</summary>
    public int InMemoryIdempotencyCapacity { get; set; } = 100_000;

    /// <summary>Most verification results the in-memory cache holds.</summary>
    public int InMemoryCacheCapacity { get; set; } = 10_000;

    /// <summary>
    /// Most verification results each gateway process keeps in front of Redis (0 turns that copy
    /// off). The replicas evict each other's copies over Redis pub/sub.
    /// </summary>
    public int NearCacheCapacity { get; set; } = 10_000;

    /// <summary>Longest a verification result stays in the in-process copy in front of Redis (never longer than in Redis).</summary>
    public TimeSpan NearCacheMaxAge { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Folder of the file checkpoint store (used when Redis is not configured). A relative
    /// path is taken from the working directory: give an absolute one in production.
    /// </summary>
    public string CheckpointDirectory { get; set; } = "data/checkpoints";

    /// <summary>How long a Redis nonce lease lives unless released; longer than signing and sending a transaction.</summary>
    public TimeSpan NonceLeaseExpiry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a next nonce handed from one lease holder to the next is trusted before a send
    /// counts the account's transactions at the node again (zero: every send counts). Bounds how
    /// long a node that lost pending transactions, e.g. in a restart, can leave a gap.
    /// </summary>
    public TimeSpan NonceRecountInterval { get; set; } = TimeSpan.FromSeconds(5);
}
