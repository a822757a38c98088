using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Ledger.Gateway.Health;

/// <summary>
/// Degraded when Redis does not answer a PING: the gateway keeps working from the chain and
/// in-memory stores, slower, and replicas no longer share idempotency records and nonce
/// leases. Healthy without Redis configured (in-memory stores by choice).
/// </summary>
internal sealed class RedisHealthCheck(IServiceProvider services) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<IConnectionMultiplexer>() is not { } redis)
            return HealthCheckResult.Healthy("No Redis configured: in-memory stores.");
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Redis answers in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded(
                $"Redis does not answer ({e.GetType().Name}): serving from the chain and in-memory stores, slower; replicas no longer share idempotency records.");
        }
    }
}
