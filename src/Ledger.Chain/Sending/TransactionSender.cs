using Ledger.Chain.Abi;
using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;

namespace Ledger.Chain.Sending;

/// <summary>
/// Sends transactions signed with one key. Gas is estimated first, so a call that would
/// revert sends nothing and uses no nonce. Taking the nonce, signing and broadcasting happen
/// under the nonce lease (broadcasting is quick); waiting for the receipt happens outside it,
/// so concurrent sends overlap while nonces stay gap-free. Safe for concurrent use. The key is
/// only used to sign; it never appears in messages or exceptions, nor do the signed bytes.
/// </summary>
public sealed class TransactionSender : ITransactionSender
{
    private readonly IRpcClient _rpc;
    private readonly PrivateKey _key;
    private readonly ulong _chainId;
    private readonly TransactionSenderOptions _options;
    private readonly RevertDecoder _revertDecoder;
    private readonly INonceSource _nonces;
    private readonly FeeOracle _fees;
    private readonly ReceiptWaiter _receipts;
    private readonly RevertReplayer _replayer;

    /// <summary>
    /// Creates a sender. The caller keeps ownership of <paramref name="key"/> and must not dispose
    /// it while the sender is in use.
    /// </summary>
    /// <param name="rpc">The node or failover pool to send through.</param>
    /// <param name="key">The account's signing key.</param>
    /// <param name="chainId">The chain id every signature is bound to (see <see cref="CreateAsync"/> to read it from the node).</param>
    /// <param name="options">Gas, fee and receipt settings; defaults when null.</param>
    /// <param name="revertDecoder">Decodes revert data, with the custom errors of the contracts called; <see cref="RevertDecoder.Standard"/> when null.</param>
    /// <param name="timeProvider">The clock for polling, caching and timeouts; the system clock when null.</param>
    /// <param name="nonceSource">Where nonces come from; a <see cref="LocalNonceSource"/> for the key's account when null.</param>
    public TransactionSender(
        IRpcClient rpc,
        PrivateKey key,
        ulong chainId,
        TransactionSenderOptions? options = null,
        RevertDecoder? revertDecoder = null,
        TimeProvider? timeProvider = null,
        INonceSource? nonceSource = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfZero(chainId);
        options ??= new TransactionSenderOptions();
        options.Validate();
        var time = timeProvider ?? TimeProvider.System;
        _rpc = rpc;
        _key = key;
        _chainId = chainId;
        _options = options;
        _revertDecoder = revertDecoder ?? RevertDecoder.Standard;
        From = key.Address;
        _nonces = nonceSource ?? new LocalNonceSource(rpc, From);
        _fees = new FeeOracle(rpc, options, time);
        _receipts = new ReceiptWaiter(rpc, _nonces, options, time);
        _replayer = new RevertReplayer(rpc, From, _revertDecoder);
    }

    /// <inheritdoc />
    public Address From { get; }

    /// <summary>The chain id the sender signs for.</summary>
    public ulong ChainId => _chainId;

    /// <summary>Creates a sender for the chain the node reports (eth_chainId); see the constructor for the parameters.</summary>
    public static async Task<TransactionSender> CreateAsync(
        IRpcClient rpc,
        PrivateKey key,
        TransactionSenderOptions? options = null,
        RevertDecoder? revertDecoder = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        var chainId = await rpc.GetChainIdAsync(cancellationToken).ConfigureAwait(false);
        return new TransactionSender(rpc, key, chainId, options, revertDecoder, timeProvider);
    }

    /// <inheritdoc />
    public Task<TransactionOutcome> SendAsync(TransactionRequest request, CancellationToken ct = default) =>
        SendAsync(request, onBroadcast: null, ct);

    /// <summary>
    /// As <see cref="SendAsync(TransactionRequest, CancellationToken)"/>, and calls
    /// <paramref name="onBroadcast"/> with the transaction's hash once the node has it, before
    /// waiting for the receipt: a caller can then remember what it sent even if it never learns
    /// the outcome (a receipt timeout, a crash), and look it up instead of sending again.
    /// </summary>
    public async Task<TransactionOutcome> SendAsync(TransactionRequest request, Func<Hash32, Task>? onBroadcast, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var gasLimit = request.GasLimit is { } given
            ? GasLimits.RequireWithinCap(given, _options)
            : await EstimateGasLimitAsync(request, ct).ConfigureAwait(false);
        var fees = await _fees.GetAsync(ct).ConfigureAwait(false);
        var sent = await SignAndBroadcastAsync(request, gasLimit, fees, ct).ConfigureAwait(false);
        if (onBroadcast is not null)
            await onBroadcast(sent.Hash).ConfigureAwait(false);
        var receipt = await _receipts.WaitAsync(sent, ct).ConfigureAwait(false);
        if (!receipt.Succeeded)
            throw await _replayer.ExplainAsync(sent, receipt, ct).ConfigureAwait(false);
        return new TransactionOutcome(sent.Hash, receipt);
    }

    /// <inheritdoc />
    public override string ToString() => $"TransactionSender {{ From = {From}, ChainId = {_chainId} }}";

    private void Validate(TransactionRequest request)
    {
        if (request.Value.Sign < 0)
            throw new ArgumentException("The value sent must be 0 or more wei.", nameof(request));
        if (request.Data.Length > _options.MaxDataBytes)
            throw new ArgumentException(
                $"The call data is {request.Data.Length} bytes, above the limit of {_options.MaxDataBytes}; nodes refuse such transactions.", nameof(request));
        if (request.To is null && request.Data.IsEmpty)
            throw new ArgumentException("A deployment (no recipient) needs init code as its data.", nameof(request));
    }

    private async Task<ulong> EstimateGasLimitAsync(TransactionRequest request, CancellationToken ct)
    {
        var call = new CallRequest { From = From, To = request.To, Data = request.Data.ToArray(), Value = request.Value };
        ulong estimate;
        try
        {
            estimate = await _rpc.EstimateGasAsync(call, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (RpcRevertException e)
        {
            throw new TransactionRevertedException(_revertDecoder.Decode(e.RevertData), hash: null, receipt: null, innerException: e);
        }
        return GasLimits.FromEstimate(estimate, _options);
    }

    private async Task<SentTransaction> SignAndBroadcastAsync(TransactionRequest request, ulong gasLimit, FeeQuote fees, CancellationToken ct)
    {
        await using var lease = await _nonces.AcquireAsync(ct).ConfigureAwait(false);
        for (var retry = 0; ; retry++)
        {
            var signed = fees.CreateTransaction(_chainId, lease.Nonce, gasLimit, request.To, request.Value, request.Data).Sign(_key);
            var sent = new SentTransaction(new Hash32(signed.Hash.Span), lease.Nonce, signed.RawBytes, gasLimit, request);
            var refusal = await BroadcastAsync(sent).ConfigureAwait(false);
            if (refusal is null)
            {
                lease.MarkUsed();
                return sent;
            }
            if (retry >= _options.MaxNonceRetries)
                throw new InvalidOperationException(
                    $"The node refused {retry + 1} nonces up to {lease.Nonce} as already taken; another sender is probably using this account's key. " +
                    "Nothing was sent.", refusal);
            await lease.SkipTakenNonceAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends the signed bytes. Returns null once the node has the transaction, or the refusal
    /// when the nonce is taken by another one. Other refusals and connection failures are
    /// thrown, leaving the nonce unused. The broadcast itself is not cancellable: once it may
    /// have reached the node, the caller must learn the outcome.
    /// </summary>
    private async Task<RpcErrorException?> BroadcastAsync(SentTransaction sent)
    {
        try
        {
            var accepted = await _rpc.SendRawTransactionAsync(sent.RawBytes, CancellationToken.None).ConfigureAwait(false);
            if (accepted != sent.Hash)
                throw new InvalidOperationException($"The node reported hash {accepted} for transaction {sent.Hash}; the two must agree.");
            return null;
        }
        catch (RpcErrorException e) when (NonceErrors.IsNonceTaken(e))
        {
            // "already known" or "nonce too low" may be about this very transaction, e.g. when a
            // failover pool re-sent it to a node that had it already.
            return await NodeKnowsAsync(sent).ConfigureAwait(false) ? null : e;
        }
        catch (RpcTransportException)
        {
            // Perhaps only the answer was lost, not the transaction.
            if (await NodeKnowsAsync(sent).ConfigureAwait(false))
                return null;
            throw;
        }
    }

    private async Task<bool> NodeKnowsAsync(SentTransaction sent)
    {
        try
        {
            return await _rpc.GetTransactionByHashAsync(sent.Hash, CancellationToken.None).ConfigureAwait(false) is not null;
        }
        catch (RpcException)
        {
            return false;
        }
    }
}
