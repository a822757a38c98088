namespace Ledger.Gateway.Stores;

/// <summary>The Redis connection (configuration section <c>Redis</c>). Never logged: it may hold a password.</summary>
public sealed class RedisOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Redis";

    /// <summary>StackExchange.Redis configuration string, e.g. "127.0.0.1:6379"; empty = no Redis, in-memory and file stores.</summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// The operator's declaration that a Redis on another machine reached without TLS (no
    /// <c>ssl=true</c>) is on a private network only this authority's own machines share. Without it
    /// a Production gateway refuses such a Redis: whoever sits on the link, or can write to Redis,
    /// can plant a cached VALID answer. The startup log warns once when it is so declared. Devnet
    /// mode ignores it.
    /// </summary>
    public bool AllowPlaintextOnPrivateNetwork { get; set; }
}
