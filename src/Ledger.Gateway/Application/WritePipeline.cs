using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Ledger.Chain.Rpc;
using Ledger.Chain.Sending;
using Ledger.Contracts.Errors;
using Ledger.Core.Errors;
using Ledger.Gateway.Identity;
using Ledger.Gateway.Observability;
using Ledger.Gateway.Stores;

namespace Ledger.Gateway.Application;

/// <summary>
/// The common tail of every write, after input checks and role checks: idempotency (a retry
/// returns the first result; the same request ID with other content is refused), sending,
/// turning chain failures into <see cref="LedgerException"/>s, invalidating cached
/// verifications and the audit log (who, for which authority, what, which permit, which
/// transaction; never document contents or keys).
/// </summary>
internal sealed partial class WritePipeline(IIdempotencyStore idempotency, IVerificationCache cache, AuditLog audit, ILogger<WritePipeline> logger)
{
    /// <summary>Runs <paramref name="operation"/> once per request ID.</summary>
    public async Task<TResponse> RunAsync<TResponse>(CallerIdentity caller, WriteOperation<TResponse> operation, CancellationToken ct)
        where TResponse : IMessage<TResponse>
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
                throw new LedgerException(LedgerError.Unavailable(
                    $"the write with request ID {operation.RequestId} is still in progress; retry shortly with the same request ID"));
        }

        var lease = begin.Lease!;
        TResponse response;
        try
        {
            response = await ExecuteAsync(operation, ct).ConfigureAwait(false);
        }
        catch
        {
            // A failed write may be retried with the same request ID once the cause is fixed.
            await idempotency.AbandonAsync(lease, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        await idempotency.CompleteAsync(lease, response.ToByteArray(), CancellationToken.None).ConfigureAwait(false);
        await InvalidateAsync(operation.Touches.Select(k => k.ToString())).ConfigureAwait(false);
        Audit(caller, operation, response);
        return response;
    }

    private void Audit<TResponse>(CallerIdentity caller, WriteOperation<TResponse> operation, TResponse response)
        where TResponse : IMessage<TResponse>
    {
        var receipt = operation.ReceiptOf(response);
        audit.Succeeded(caller.OfficialIdentity, caller.AuthorityAddress, operation.Action, operation.RequestId, operation.Subject ?? "-",
            receipt?.TxHash ?? "-", receipt?.Replayed ?? false);
    }

    /// <summary>Drops cached verifications; a cache failure only costs a chain read later.</summary>
    public async Task InvalidateAsync(IEnumerable<string> permitKeys)
    {
        foreach (var permitKey in permitKeys)
        {
            try
            {
                await cache.InvalidateAsync(permitKey, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCacheFailure(permitKey, e.Message);
            }
        }
    }

    private static async Task<TResponse> ExecuteAsync<TResponse>(WriteOperation<TResponse> operation, CancellationToken ct)
        where TResponse : IMessage<TResponse>
    {
        try
        {
            return await operation.Execute(ct).ConfigureAwait(false);
        }
        catch (ContractErrorException e)
        {
            throw new LedgerException(ContractErrorTranslator.Translate(e.Error, operation.Context));
        }
        catch (TransactionRevertedException e)
        {
            throw new LedgerException(LedgerError.FailedPrecondition($"the ledger refused the transaction: {e.Reason?.Message ?? "no reason given"}"));
        }
        catch (TransactionReceiptTimeoutException)
        {
            throw new LedgerException(LedgerError.Unavailable(
                "the transaction was sent but not yet mined; retry later with the same request ID, which cannot record anything twice"));
        }
        catch (Exception e) when (e is RpcException or TransactionDroppedException)
        {
            throw new LedgerException(Messages.NodeUnavailable());
        }
    }

    private static TResponse Replayed<TResponse>(WriteOperation<TResponse> operation, TResponse stored)
        where TResponse : IMessage<TResponse>
    {
        if (operation.ReceiptOf(stored) is { } receipt)
            receipt.Replayed = true;
        return stored;
    }

    private static byte[] Fingerprint<TResponse>(WriteOperation<TResponse> operation)
        where TResponse : IMessage<TResponse>
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(operation.Action + "\n"));
        hash.AppendData(operation.Request.ToByteArray());
        return hash.GetHashAndReset();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not invalidate the cached verification of {PermitKey}: {Reason}")]
    private partial void LogCacheFailure(string permitKey, string reason);
}
