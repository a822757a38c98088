using Ledger.Chain.Rpc;

namespace Ledger.Chain.Sending;

/// <summary>
/// Waits for a broadcast transaction's receipt and confirmations by polling on the sender's
/// clock. While there is no receipt it also checks that the node still knows the
/// transaction; one unknown for <see cref="TransactionSenderOptions.RebroadcastAfter"/> is sent
/// again, byte for byte. Node failures while waiting are ridden out until the timeout: the
/// transaction is already out, so a blip must not fail the send, and if the node never
/// answers the timeout at least carries the transaction hash.
/// </summary>
internal sealed class ReceiptWaiter
{
    private readonly IRpcClient _rpc;
    private readonly INonceSource _nonces;
    private readonly TransactionSenderOptions _options;
    private readonly TimeProvider _time;

    public ReceiptWaiter(IRpcClient rpc, INonceSource nonces, TransactionSenderOptions options, TimeProvider time)
    {
        _rpc = rpc;
        _nonces = nonces;
        _options = options;
        _time = time;
    }

    public async Task<TransactionReceipt> WaitAsync(SentTransaction sent, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.ReceiptTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;
        var tracker = new DropTracker(_time);
        try
        {
            while (true)
            {
                try
                {
                    if (await _rpc.GetTransactionReceiptAsync(sent.Hash, token).ConfigureAwait(false) is { } receipt)
                    {
                        tracker.Seen();
                        if (await IsConfirmedAsync(receipt, token).ConfigureAwait(false))
                            return receipt;
                    }
                    else
                    {
                        await CheckStillKnownAsync(sent, tracker, token).ConfigureAwait(false);
                    }
                }
                catch (RpcException)
                {
                    // Unreachable, or refusing for now (a busy pool, a node restarting): poll again.
                    // A lasting failure ends in the timeout, which names the transaction.
                }
                await Task.Delay(_options.ReceiptPollInterval, _time, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TransactionReceiptTimeoutException(sent.Hash, sent.Nonce, _options.ReceiptTimeout);
        }
    }

    private async Task<bool> IsConfirmedAsync(TransactionReceipt receipt, CancellationToken token)
    {
        if (_options.Confirmations == 0)
            return true;
        var latest = await _rpc.GetBlockNumberAsync(token).ConfigureAwait(false);
        return latest >= receipt.BlockNumber + (ulong)_options.Confirmations;
    }

    private async Task CheckStillKnownAsync(SentTransaction sent, DropTracker tracker, CancellationToken token)
    {
        if (await _rpc.GetTransactionByHashAsync(sent.Hash, token).ConfigureAwait(false) is not null)
        {
            tracker.Seen();
            return;
        }
        if (!tracker.MissingFor(_options.RebroadcastAfter))
            return;
        try
        {
            await _rpc.SendRawTransactionAsync(sent.RawBytes, token).ConfigureAwait(false);
            tracker.Seen();
        }
        catch (RpcErrorException e) when (NonceErrors.IsNonceTaken(e))
        {
            // Our own transaction may have been mined or re-added in the meantime.
            if (await _rpc.GetTransactionByHashAsync(sent.Hash, token).ConfigureAwait(false) is not null)
            {
                tracker.Seen();
                return;
            }
            await _nonces.ResetAsync(token).ConfigureAwait(false);
            throw new TransactionDroppedException(sent.Hash, sent.Nonce, e);
        }
    }

    /// <summary>Since when the node has not known the transaction (null while it does).</summary>
    private sealed class DropTracker(TimeProvider time)
    {
        private long? _missingSince;

        public void Seen() => _missingSince = null;

        /// <summary>Records that the node does not know it; true once that has lasted <paramref name="duration"/>.</summary>
        public bool MissingFor(TimeSpan duration)
        {
            _missingSince ??= time.GetTimestamp();
            return time.GetElapsedTime(_missingSince.Value) >= duration;
        }
    }
}
