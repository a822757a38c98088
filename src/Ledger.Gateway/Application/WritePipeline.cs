using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Ledger.Contracts.Ethereum;
using Ledger.Core.Primitives;
using Ledger.Core.Errors;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Identity;
using Ledger.Gateway.Observability;
using Ledger.Gateway.Stores;

namespace Ledger.Gateway.Application;

/// <summary>
/// The common tail of every write, after input checks and role checks: idempotency (a retry
/// returns the first result; the same request ID with other content is refused), sending,
/// turning chain failures into <see cref="LedgerException"/>s, invalidating cached
/// verifications and the audit log (who, for which authority, what, which permit, which
/// transaction; never document contents or keys). Each broadcast transaction's hash is kept
/// with the request's record before its receipt is awaited, so a retry after a receipt
/// timeout looks that transaction up instead of sending another.
/// </summary>
internal sealed partial class WritePipeline(
    IIdempotencyStore idempotency, IVerificationCache cache, AuthorityKeyring keys, SentTransactionLookup sentTransactions, AuditLog audit,
    ILogger<WritePipeline> logger)
{
    /// <summary>Runs <paramref name="operation"/> once per request ID.</summary>
    public async Task<TResponse> RunAsync<TResponse>(CallerIdentity caller, WriteOperation<TResponse> operation, CancellationToken ct)
        where TResponse : class, IMessage<TResponse>
    {
        if (!IdempotencyKey.TryCreate(caller.AuthorityAddress, operation.RequestId, out var key, out var keyError))
            throw new LedgerException(LedgerError.InvalidArgument("request_id", keyError));
        var begin = await idempotency.TryBeginAsync(key, Fingerprint(operation), ct).ConfigureAwait(false);
        switch (begin.State)
        {
            case IdempotencyState.Completed:
                var replayed = Replayed(operation, operation.Parser.ParseFrom(begin.StoredResult.Span));
                Audit(caller, operation, replayed);
                return replayed;
            case IdempotencyState.Mismatch:
                throw new LedgerException(LedgerError.InvalidArgument(
                    "request_id", $"{operation.RequestId} was already used for a different request; choose a new request ID for a new write"));
            case IdempotencyState.InProgress:
                throw new LedgerException(LedgerError.Aborted(
                    $"the write with request ID {operation.RequestId} is still in progress; retry shortly with the same request ID"));
        }

        var attempt = new WriteAttempt(begin.Lease!, begin.SentTransaction);
        TResponse response;
        try
        {
            response = await ExecuteAsync(caller, operation, attempt, ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await EndFailedAttemptAsync(attempt, e).ConfigureAwait(false);
            if (WriteFailures.Translate(e, operation.Context) is { } translated)
                throw translated;
            throw;
        }
        await idempotency.CompleteAsync(attempt.Lease, response.ToByteArray(), CancellationToken.None).ConfigureAwait(false);
        // The change is in the receipt's block; a receipt-less answer marks every later read as stale too.
        var changedAt = operation.ReceiptOf(response)?.BlockNumber ?? IVerificationCache.MaxBlock;
        await InvalidateAsync(operation.Touches.Select(k => k.ToString()), changedAt).ConfigureAwait(false);
        Audit(caller, operation, response);
        return response;
    }

    private void Audit<TResponse>(CallerIdentity caller, WriteOperation<TResponse> operation, TResponse response)
        where TResponse : class, IMessage<TResponse>
    {
        var receipt = operation.ReceiptOf(response);
        audit.Succeeded(caller.OfficialIdentity, caller.AuthorityAddress, operation.Action, operation.RequestId, operation.Subject ?? "-",
            receipt?.TxHash ?? "-", receipt?.Replayed ?? false);
    }

    /// <summary>
    /// Drops the cached verifications a write touched, changed in block <paramref name="changedAt"/>
    /// (one cache call); a cache failure only costs a chain read later.
    /// </summary>
    public Task InvalidateAsync(IEnumerable<string> permitKeys, ulong changedAt) =>
        InvalidateBatchAsync(permitKeys.Select(key => new PermitChange(key, changedAt)).ToArray());

    /// <summary>Most keys dropped in one cache call by <see cref="InvalidateBatchAsync"/>.</summary>
    public const int InvalidationBatchKeys = 500;

    /// <summary>
    /// Drops the cached verifications of many changed permits (the event follower's range) in calls
    /// of at most <see cref="InvalidationBatchKeys"/> keys; a cache failure only costs chain reads later.
    /// </summary>
    public async Task InvalidateBatchAsync(IReadOnlyCollection<PermitChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var chunk in changes.Chunk(InvalidationBatchKeys))
        {
            try
            {
                await cache.InvalidateManyAsync(chunk, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogBatchCacheFailure(chunk.Length, chunk[0].PermitKey, e.Message);
            }
        }
    }

    private async Task<TResponse> ExecuteAsync<TResponse>(CallerIdentity caller, WriteOperation<TResponse> operation, WriteAttempt attempt, CancellationToken ct)
        where TResponse : class, IMessage<TResponse>
    {
        if (attempt.SentTransaction is { } sent && await ResumeAsync(operation, attempt, sent, ct).ConfigureAwait(false) is { } resumed)
            return resumed;
        var sender = new BroadcastReportingSender(await keys.SenderForAsync(caller, ct).ConfigureAwait(false), hash => RecordSentAsync(attempt, hash));
        return await operation.Execute(sender, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// What became of the transaction an earlier attempt sent: its result when mined (answered
    /// as a replay), UNAVAILABLE while it is pending, and null when it reverted or the node
    /// dropped it, so that this attempt writes afresh.
    /// </summary>
    private async Task<TResponse?> ResumeAsync<TResponse>(WriteOperation<TResponse> operation, WriteAttempt attempt, string sent, CancellationToken ct)
        where TResponse : class, IMessage<TResponse>
    {
        var (state, result) = await sentTransactions.LookUpAsync(sent, ct).ConfigureAwait(false);
        switch (state)
        {
            case SentTransactionState.Mined:
                return Replayed(operation, await operation.Respond(result!, ct).ConfigureAwait(false));
            case SentTransactionState.Pending:
                throw new LedgerException(LedgerError.Unavailable(
                    $"transaction {sent}, sent for request ID {operation.RequestId}, is not mined yet; retry later with the same request ID, which will not send it again"));
            default:
                attempt.SentTransaction = null;
                return null;
        }
    }

    /// <summary>Keeps the hash with the request's record before the receipt is awaited; a store failure must not fail the write.</summary>
    private async Task RecordSentAsync(WriteAttempt attempt, Bytes32 hash)
    {
        attempt.SentTransaction = hash.ToString();
        try
        {
            await idempotency.RecordSentAsync(attempt.Lease, attempt.SentTransaction, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSentNotRecorded(attempt.SentTransaction, e.Message);
        }
    }

    /// <summary>
    /// A transaction that may still take effect (its receipt timed out, the node went away)
    /// stays with the record for the retry; a write that certainly changed nothing is
    /// forgotten, so that a retry with the same request ID runs afresh once the cause is fixed.
    /// </summary>
    private async Task EndFailedAttemptAsync(WriteAttempt attempt, Exception failure)
    {
        if (attempt.SentTransaction is not null && !WriteFailures.ChangedNothing(failure))
            await idempotency.ReleaseAsync(attempt.Lease, CancellationToken.None).ConfigureAwait(false);
        else
            await idempotency.AbandonAsync(attempt.Lease, CancellationToken.None).ConfigureAwait(false);
    }

    private static TResponse Replayed<TResponse>(WriteOperation<TResponse> operation, TResponse stored)
        where TResponse : class, IMessage<TResponse>
    {
        if (operation.ReceiptOf(stored) is { } receipt)
            receipt.Replayed = true;
        return stored;
    }

    private static byte[] Fingerprint<TResponse>(WriteOperation<TResponse> operation)
        where TResponse : class, IMessage<TResponse>
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(operation.Action + "\n"));
        hash.AppendData(operation.Request.ToByteArray());
        return hash.GetHashAndReset();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not invalidate the cached verifications of {Count} permits from {FirstPermitKey}: {Reason}")]
    private partial void LogBatchCacheFailure(int count, string firstPermitKey, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not keep transaction {TxHash} with its request; a retry after a receipt timeout may send again: {Reason}")]
    private partial void LogSentNotRecorded(string txHash, string reason);

    /// <summary>One attempt at a request: its lease and the transaction it (or an earlier attempt) sent.</summary>
    private sealed class WriteAttempt(IdempotencyLease lease, string? sentTransaction)
    {
        public IdempotencyLease Lease { get; } = lease;

        public string? SentTransaction { get; set; } = sentTransaction;
    }
}
