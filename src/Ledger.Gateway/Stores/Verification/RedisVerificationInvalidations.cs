using StackExchange.Redis;

namespace Ledger.Gateway.Stores;

/// <summary>
/// Invalidations over Redis pub/sub on the process's one multiplexer, on a channel under the
/// key prefix (so only replicas of the same authority's gateway hear each other). The channel is
/// live from a confirmed subscription until the multiplexer reports a failed subscription link;
/// then listeners are told to evict everything, and again when it is restored, because messages
/// sent in between are lost. Subscribing is started on first use and retried after failures.
/// </summary>
public sealed partial class RedisVerificationInvalidations : IVerificationInvalidations, IDisposable
{
    private const char KeySeparator = ',';
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisChannel _channel;
    private readonly TimeProvider _time;
    private readonly ILogger<RedisVerificationInvalidations> _logger;
    private readonly Lock _gate = new();
    private Task? _subscribing;
    private DateTimeOffset _retryAt = DateTimeOffset.MinValue;
    private int _live;

    /// <summary>Listens for the multiplexer's connection events; subscribes on first use.</summary>
    public RedisVerificationInvalidations(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider time, ILogger<RedisVerificationInvalidations> logger)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(keys);
        _redis = redis;
        _channel = keys.VerificationInvalidations;
        _time = time;
        _logger = logger;
        _redis.ConnectionFailed += OnConnectionFailed;
        _redis.ConnectionRestored += OnConnectionRestored;
    }

    /// <inheritdoc />
    public event Action<string?>? Evicted;

    /// <inheritdoc />
    public bool IsLive
    {
        get
        {
            if (Volatile.Read(ref _live) == 1)
                return true;
            EnsureSubscribing();
            return false;
        }
    }

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyCollection<string> permitKeys)
    {
        ArgumentNullException.ThrowIfNull(permitKeys);
        if (permitKeys.Count == 0)
            return;
        try
        {
            // One message per batch (the follower invalidates hundreds of keys per range), keys separated by KeySeparator.
            await _redis.GetSubscriber().PublishAsync(_channel, string.Join(KeySeparator, permitKeys)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Other replicas may keep the key until their subscription reports the outage and they evict everything.
            GoDown($"publish failed: {e.GetType().Name}");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _redis.ConnectionFailed -= OnConnectionFailed;
        _redis.ConnectionRestored -= OnConnectionRestored;
    }

    private void EnsureSubscribing()
    {
        lock (_gate)
        {
            if (_subscribing is { IsCompleted: false } || _time.GetUtcNow() < _retryAt)
                return;
            _retryAt = _time.GetUtcNow() + RetryAfter;
            _subscribing = SubscribeAsync();
        }
    }

    private async Task SubscribeAsync()
    {
        try
        {
            var subscriber = _redis.GetSubscriber();
            await subscriber.UnsubscribeAsync(_channel).ConfigureAwait(false);
            await subscriber.SubscribeAsync(_channel, (_, message) => EvictEach(message.ToString())).ConfigureAwait(false);
            // Whatever was cached before now may have missed an invalidation.
            Evicted?.Invoke(null);
            Volatile.Write(ref _live, 1);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogSubscribeFailed(e.GetType().Name);
        }
    }

    private void EvictEach(string message)
    {
        foreach (var permitKey in message.Split(KeySeparator, StringSplitOptions.RemoveEmptyEntries))
            Evicted?.Invoke(permitKey);
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
            GoDown($"subscription link failed: {e.FailureType}");
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType != ConnectionType.Subscription)
            return;
        // Resubscribe explicitly and only then trust the channel again: messages sent while it was down are lost.
        GoDown("subscription link restored; resubscribing");
        lock (_gate)
            _retryAt = DateTimeOffset.MinValue;
        EnsureSubscribing();
    }

    private void GoDown(string reason)
    {
        if (Interlocked.Exchange(ref _live, 0) == 1)
            LogNotLive(reason);
        Evicted?.Invoke(null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Verification invalidations are not being received ({Reason}); the in-process cache is bypassed until they are")]
    private partial void LogNotLive(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing to verification invalidations failed ({ErrorType}); retrying")]
    private partial void LogSubscribeFailed(string errorType);
}
