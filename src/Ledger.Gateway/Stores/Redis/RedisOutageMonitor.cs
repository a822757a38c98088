using StackExchange.Redis;

namespace Ledger.Gateway.Stores;

/// <summary>
/// The one place that runs Redis calls, turns Redis failures into
/// <see cref="StoreUnavailableException"/>, and logs outages once per outage (not per call)
/// and their end. It also remembers when Redis last failed, so the cache can distrust
/// entries written before an outage in which an invalidation may have been lost.
/// </summary>
public sealed class RedisOutageMonitor(TimeProvider time, ILogger<RedisOutageMonitor> logger)
{
    private int _down;
    private long _lastFailureUnixMilliseconds = long.MinValue;

    /// <summary>True from a failed call until the next successful one.</summary>
    public bool IsDown => Volatile.Read(ref _down) == 1;

    /// <summary>When a Redis call last failed (Unix milliseconds); <see cref="long.MinValue"/> if never.</summary>
    public long LastFailureUnixMilliseconds => Interlocked.Read(ref _lastFailureUnixMilliseconds);

    /// <summary>Runs a Redis call, recording success or failure.</summary>
    /// <exception cref="StoreUnavailableException">Redis could not be reached or timed out.</exception>
    public async Task<T> RunAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            var result = await call().ConfigureAwait(false);
            ReportSuccess();
            return result;
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            ReportFailure(operation, e);
            throw new StoreUnavailableException($"Redis is unavailable ({operation}): {e.GetType().Name}.", e);
        }
    }

    /// <summary>
    /// Queues a Redis command sent without waiting for its reply (<c>CommandFlags.FireAndForget</c>),
    /// recording a failure to queue it. A queued command proves nothing about Redis, so it never
    /// reports Redis as back.
    /// </summary>
    /// <exception cref="StoreUnavailableException">Redis could not take the command.</exception>
    public void Send(string operation, Action call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            call();
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            ReportFailure(operation, e);
            throw new StoreUnavailableException($"Redis is unavailable ({operation}): {e.GetType().Name}.", e);
        }
    }

    private static bool IsRedisFailure(Exception e) =>
        e is RedisConnectionException or RedisTimeoutException or RedisServerException or TimeoutException;

    private void ReportFailure(string operation, Exception error)
    {
        Interlocked.Exchange(ref _lastFailureUnixMilliseconds, time.GetUtcNow().ToUnixTimeMilliseconds());
        if (Interlocked.Exchange(ref _down, 1) == 0)
            logger.LogWarning(
                "Redis is unavailable ({Operation}: {ErrorType}). Until it returns the verification cache misses, " +
                "idempotency and nonce leases are kept in this process only.",
                operation, error.GetType().Name);
    }

    private void ReportSuccess()
    {
        if (Volatile.Read(ref _down) == 1 && Interlocked.Exchange(ref _down, 0) == 1)
            logger.LogInformation("Redis is available again; shared stores are back in use.");
    }
}
