using Ledger.Gateway.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Ledger.Gateway.Stores;

/// <summary>
/// Checks the <c>Redis</c> section at startup: a configuration string StackExchange.Redis reads,
/// and in Production a link that is TLS, loopback, or declared private.
/// </summary>
/// <param name="gateway">The gateway's mode: only Production requires TLS to a Redis on another machine.</param>
public sealed class RedisOptionsValidator(IOptions<GatewayOptions> gateway) : IValidateOptions<RedisOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Configuration))
            return ValidateOptionsResult.Success;
        ConfigurationOptions redis;
        try
        {
            redis = ConfigurationOptions.Parse(options.Configuration);
        }
        catch (ArgumentException)
        {
            // The string may hold a password: do not echo it or the parser's message about it.
            return ValidateOptionsResult.Fail(
                "Redis:Configuration is not a StackExchange.Redis configuration string (e.g. 'redis.local:6379,password=...,ssl=true').");
        }
        if (gateway.Value.Mode != GatewayMode.Production || options.AllowPlaintextOnPrivateNetwork)
            return ValidateOptionsResult.Success;
        var plain = PlaintextLinks.OffMachineRedis(redis);
        return plain.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Redis:Configuration names {string.Join(", ", plain)} without TLS: whoever sits on that link, or can write to Redis, can plant a " +
                "cached VALID answer. Add ssl=true (with Redis's tls-port) or use a Redis on this machine (loopback); if the link is a private " +
                $"network only this authority's own machines share, declare it with Redis:{nameof(RedisOptions.AllowPlaintextOnPrivateNetwork)}=true.");
    }
}
