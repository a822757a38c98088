namespace Ledger.Gateway.Stores;

/// <summary>The Redis connection (configuration section <c>Redis</c>). Never logged: it may hold a password.</summary>
public sealed class RedisOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Redis";

    /// <summary>StackExchange.Redis configuration string, e.g. "127.0.0.1:6379"; empty = no Redis, in-memory and file stores.</summary>
    public string? Configuration { get; set; }
}
