using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Stores;

/// <summary>
/// Idempotency records in this process: the store of a gateway without Redis and the
/// fallback while Redis is down. One lock makes each operation atomic (they are short).
/// </summary>
public sealed class InMemoryIdempotencyStore(TimeProvider time, IOptions<StoreOptions> options) : IIdempotencyStore
{
    private readonly Dictionary<IdempotencyKey, Record> _records = [];
    private readonly Lock _gate = new();
    private readonly TimeSpan _retention = options.Value.IdempotencyRetention;
    private readonly TimeSpan _inProgressLease = options.Value.IdempotencyInProgressLease;
    private readonly int _capacity = options.Value.InMemoryIdempotencyCapacity;

    /// <inheritdoc />
    /// <exception cref="StoreCapacityExceededException">The store is full of live records.</exception>
    public Task<IdempotencyBegin> TryBeginAsync(IdempotencyKey key, ReadOnlyMemory<byte> requestFingerprint, CancellationToken cancellationToken = default)
    {
        IdempotencyArguments.CheckKey(key);
        IdempotencyArguments.CheckFingerprint(requestFingerprint);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (TryGetLive(key, now, out var record))
                return Task.FromResult(Answer(key, record, requestFingerprint, now));
            EnsureRoom(now);
            var lease = new IdempotencyLease(key, IdempotencyLease.NewToken(), requestFingerprint.ToArray(), this);
            _records[key] = new Record(lease.Fingerprint.ToArray(), lease.Token, Result: null, now + _inProgressLease, SentTransaction: null, now + _inProgressLease);
            return Task.FromResult(IdempotencyBegin.New(lease));
        }
    }

    /// <inheritdoc />
    public Task<bool> CompleteAsync(IdempotencyLease lease, ReadOnlyMemory<byte> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        IdempotencyArguments.CheckResult(result);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!TryGetLive(lease.Key, now, out var record) || record.Result is not null || record.Token != lease.Token)
                return Task.FromResult(false);
            _records[lease.Key] = record with { Token = null, Result = result.ToArray(), ExpiresAt = now + _retention };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task AbandonAsync(IdempotencyLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            if (TryGetLive(lease.Key, time.GetUtcNow(), out var record) && record.Result is null && record.Token == lease.Token)
                _records.Remove(lease.Key);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> RecordSentAsync(IdempotencyLease lease, string transactionHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        IdempotencyArguments.CheckTransactionHash(transactionHash);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!TryGetLive(lease.Key, now, out var record) || record.Result is not null || record.Token != lease.Token)
                return Task.FromResult(false);
            _records[lease.Key] = record with { SentTransaction = transactionHash, ExpiresAt = now + _retention };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task ReleaseAsync(IdempotencyLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            if (TryGetLive(lease.Key, time.GetUtcNow(), out var record) && record.Result is null && record.Token == lease.Token)
            {
                if (record.SentTransaction is null)
                    _records.Remove(lease.Key);
                else
                    _records[lease.Key] = record with { Token = null };
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Takes over a transaction hash for a lease issued elsewhere (its store failed while
    /// recording it): this store then answers for the request, as for <see cref="RecordCompleted"/>.
    /// </summary>
    internal void AdoptSent(IdempotencyLease lease, string transactionHash)
    {
        IdempotencyArguments.CheckTransactionHash(transactionHash);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_records.ContainsKey(lease.Key))
                EnsureRoom(now);
            _records[lease.Key] = new Record(lease.Fingerprint.ToArray(), lease.Token, null, now + _retention, transactionHash, now + _inProgressLease);
        }
    }

    /// <summary>True when a live record exists for <paramref name="key"/> (written while Redis was down).</summary>
    internal bool Holds(IdempotencyKey key)
    {
        lock (_gate)
            return TryGetLive(key, time.GetUtcNow(), out _);
    }

    /// <summary>Stores a completed result for a lease issued elsewhere (its store failed at completion).</summary>
    internal void RecordCompleted(IdempotencyLease lease, ReadOnlyMemory<byte> result)
    {
        IdempotencyArguments.CheckResult(result);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_records.ContainsKey(lease.Key))
                EnsureRoom(now);
            _records[lease.Key] = new Record(lease.Fingerprint.ToArray(), null, result.ToArray(), now + _retention, null, now);
        }
    }

    private IdempotencyBegin Answer(IdempotencyKey key, Record record, ReadOnlyMemory<byte> fingerprint, DateTimeOffset now)
    {
        if (!fingerprint.Span.SequenceEqual(record.Fingerprint))
            return IdempotencyBegin.Mismatch;
        if (record.Result is not null)
            return IdempotencyBegin.Completed(record.Result);
        // A sent transaction whose attempt ended (released, or its lease ran out) is handed to this attempt.
        if (record.SentTransaction is { } sent && (record.Token is null || record.LeaseUntil <= now))
        {
            var lease = new IdempotencyLease(key, IdempotencyLease.NewToken(), fingerprint.ToArray(), this);
            _records[key] = record with { Token = lease.Token, LeaseUntil = now + _inProgressLease };
            return IdempotencyBegin.Sent(lease, sent);
        }
        return IdempotencyBegin.InProgress;
    }

    private bool TryGetLive(IdempotencyKey key, DateTimeOffset now, out Record record)
    {
        if (!_records.TryGetValue(key, out record!))
            return false;
        if (record.ExpiresAt > now)
            return true;
        _records.Remove(key);
        return false;
    }

    private void EnsureRoom(DateTimeOffset now)
    {
        if (_records.Count < _capacity)
            return;
        foreach (var (key, record) in _records)
        {
            if (record.ExpiresAt <= now)
                _records.Remove(key);
        }
        if (_records.Count >= _capacity)
            throw new StoreCapacityExceededException(
                $"The in-memory idempotency store holds {_capacity} live requests (Stores:InMemoryIdempotencyCapacity); retry later.");
    }

    /// <summary>One request: while in progress, <see cref="Token"/> owns it until <see cref="LeaseUntil"/>; <see cref="SentTransaction"/> once it broadcast.</summary>
    private sealed record Record(byte[] Fingerprint, string? Token, byte[]? Result, DateTimeOffset ExpiresAt, string? SentTransaction, DateTimeOffset LeaseUntil);
}
