using Nethereum.JsonRpc.Client;

namespace Ledger.Contracts.Ethereum;

/// <summary>
/// One endpoint of a <see cref="NodePool"/>: its Nethereum client, its lean eth_call client (none
/// for an endpoint given as a client only, e.g. a scripted one) and its failure record.
/// </summary>
internal sealed class NodeEndpoint(string name, IClient client, EthCallClient? caller = null)
{
    private readonly Lock _lock = new();
    private int _consecutiveFailures;
    private string? _lastError;
    private DateTimeOffset? _lastFailureAt;
    private DateTimeOffset? _lastAnswerAt;
    private DateTimeOffset _retryAfter;

    public string Name { get; } = name;

    public IClient Client { get; } = client;

    /// <summary>Answers eth_call without Nethereum's JSON handling; null: eth_call goes through <see cref="Client"/>.</summary>
    public EthCallClient? Caller { get; } = caller;

    public DateTimeOffset RetryAfter
    {
        get
        {
            lock (_lock)
                return _retryAfter;
        }
    }

    /// <summary>Up, or down with its back-off over.</summary>
    public bool IsEligible(DateTimeOffset now)
    {
        lock (_lock)
            return _consecutiveFailures == 0 || now >= _retryAfter;
    }

    /// <summary>Records an answer; returns the new health when the endpoint came back up.</summary>
    public NodeHealth? RecordAnswer(DateTimeOffset now)
    {
        lock (_lock)
        {
            var wasDown = _consecutiveFailures > 0;
            _consecutiveFailures = 0;
            _lastAnswerAt = now;
            return wasDown ? SnapshotLocked() : null;
        }
    }

    /// <summary>Records a transport failure; returns the new health when the endpoint just went down.</summary>
    public NodeHealth? RecordFailure(DateTimeOffset now, string error, NodePoolOptions options)
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

    public NodeHealth Snapshot()
    {
        lock (_lock)
            return SnapshotLocked();
    }

    private NodeHealth SnapshotLocked() => new(Name, _consecutiveFailures == 0, _consecutiveFailures, _lastError, _lastFailureAt, _lastAnswerAt,
        _consecutiveFailures == 0 ? null : _retryAfter);
}
