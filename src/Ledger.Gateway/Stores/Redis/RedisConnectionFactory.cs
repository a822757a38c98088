using StackExchange.Redis;

namespace Ledger.Gateway.Stores;

/// <summary>Creates the process's one Redis connection with settings that keep the gateway up while Redis is down.</summary>
public static class RedisConnectionFactory
{
    /// <summary>
    /// Parses <paramref name="configuration"/> and sets AbortOnConnectFail = false (start and
    /// reconnect in the background instead of failing) and a fail-fast backlog (while
    /// disconnected a call fails at once, so the cache misses and idempotency falls back
    /// immediately instead of waiting out the timeout).
    /// </summary>
    public static ConfigurationOptions CreateOptions(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= "ledger-gateway";
        return options;
    }

    /// <summary>Connects (returns even when Redis is down; the multiplexer keeps retrying).</summary>
    public static IConnectionMultiplexer Connect(string configuration) =>
        ConnectionMultiplexer.Connect(CreateOptions(configuration));
}
