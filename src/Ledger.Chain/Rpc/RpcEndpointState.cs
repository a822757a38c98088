namespace Ledger.Chain.Rpc;

/// <summary>
/// One endpoint of a pool and its health, updated by concurrent calls under a lock.
/// Success and failure report whether the endpoint changed between up and down, so the
/// pool can announce transitions rather than every call.
/// </summary>
internal sealed class RpcEndpointState
{
    private readonly Lock _lock = new();
    private int _consecutiveFailures;
    private string? _lastError;
    private DateTimeOffset? _lastFailureAt;
    private DateTimeOffset? _lastAnswerAt;
    private DateTimeOffset _retryAfter;

    public RpcEndpointState(string name, IRpcClient client)
    {
        Name = name;
        Client = client;
    }

    public string Name { get; }

    public IRpcClient Client { get; }

    /// <summary>Up, or down with its back-off elapsed at <paramref name="now"/>.</summary>
    public bool IsEligible(DateTimeOffset now)
    {
        lock (_lock)
            return _consecutiveFailures == 0 || now >= _retryAfter;
    }

    /// <summary>When a down endpoint may be tried again.</summary>
    public DateTimeOffset RetryAfter
    {
        get
        {
            lock (_lock)
                return _retryAfter;
        }
    }

    /// <summary>Records an answer; returns the new health if the endpoint was down.</summary>
    public RpcEndpointHealth? RecordAnswer(DateTimeOffset now)
    {
        lock (_lock)
        {
            var wasDown = _consecutiveFailures > 0;
            _consecutiveFailures = 0;
            _lastAnswerAt = now;
            return wasDown ? SnapshotLocked() : null;
        }
    }

    /// <summary>Records a transport failure; returns the new health if the endpoint was up.</summary>
    public RpcEndpointHealth? RecordFailure(DateTimeOffset now, string error, RpcEndpointPoolOptions options)
    {
        lock (_lock)
        {
            var wasUp = _consecutiveFailures == 0;
            _consecutiveFailures++;
            _lastError = error;
            _lastFailureAt = now;
            _retryAfter = now + options.BackoffAfter(_consecutiveFailures);
            return wasUp ? SnapshotLocked() : null;
        }
    }

    public RpcEndpointHealth Snapshot()
    {
        lock (_lock)
            return SnapshotLocked();
    }

    private RpcEndpointHealth SnapshotLocked() => new(
        Name,
        IsUp: _consecutiveFailures == 0,
        _consecutiveFailures,
        _lastError,
        _lastFailureAt,
        _lastAnswerAt,
        RetryAfter: _consecutiveFailures == 0 ? null : _retryAfter);
}
