using System.Numerics;
using Ledger.Core.Primitives;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.Model;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.Eth;
using Nethereum.Signer;
using Nethereum.Web3;

namespace Ledger.Contracts.Ethereum;

/// <summary>
/// Sends EIP-1559 transactions from one key, on Nethereum: a fresh eth_estimateGas per send
/// (never one written back into a reused message), the request's
/// <see cref="TransactionRequest.BeforeBroadcast"/> and the fees (<see cref="FeeQuote"/>, shared
/// for a moment) before the nonce is reserved, so that the reservation, which serialises the
/// account's sends, covers only signing with <see cref="Transaction1559Signer"/> (NBitcoin's
/// secp256k1, see <see cref="FastSigning"/>) and eth_sendRawTransaction under a gap-free
/// <see cref="NonceReservation"/>; then, outside it, the receipt, asked for once per new block
/// (<see cref="ChainHead"/>), with confirmations and a timeout. A refusal at estimation and a
/// status-0 receipt both throw <see cref="TransactionRevertedException"/> with the revert data
/// (Nethereum throws for neither). Safe for concurrent use.
/// </summary>
public sealed class TransactionSender : ITransactionSender
{
    private static readonly string[] NonceTakenPatterns =
        ["nonce too low", "already known", "known transaction", "already imported", "replacement transaction underpriced"];

    private readonly IWeb3 _web3;
    private readonly EthECKey _key;
    private readonly BigInteger _chainId;
    private readonly TransactionSenderOptions _options;
    private readonly AccountNonces _nonces;
    private readonly TimeProvider _time;
    private readonly FeeQuote _fees;
    private readonly ChainHead _head;

    /// <summary>A sender of <paramref name="key"/>'s transactions on chain <paramref name="chainId"/>.</summary>
    /// <param name="client">The node (or <see cref="NodePool"/>).</param>
    /// <param name="key">The account's key; it never leaves this object.</param>
    /// <param name="chainId">The chain's id (EIP-155), signed into every transaction.</param>
    /// <param name="options">Gas, fee and waiting rules; null for the defaults.</param>
    /// <param name="timeProvider">The clock for receipt timeouts and polling.</param>
    /// <param name="nonces">The account's nonces; null for an unshared in-process source.</param>
    public TransactionSender(IClient client, EthECKey key, ulong chainId, TransactionSenderOptions? options = null,
        TimeProvider? timeProvider = null, AccountNonces? nonces = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfZero(chainId);
        FastSigning.Enable();
        _options = options ?? new TransactionSenderOptions();
        _options.Validate();
        _web3 = new Web3(client);
        _key = key;
        _chainId = chainId;
        _time = timeProvider ?? TimeProvider.System;
        From = Address.Parse(key.GetPublicAddress());
        _nonces = nonces ?? new AccountNonces(client, From, timeProvider: _time);
        if (_nonces.Account != From)
            throw new ArgumentException($"The nonces are {_nonces.Account}'s, the key is {From}'s.", nameof(nonces));
        _fees = new FeeQuote(_web3, _options, _time);
        _head = new ChainHead(_web3, _options.ReceiptPollInterval, _time);
    }

    /// <inheritdoc />
    public Address From { get; }

    /// <summary>Asks the node for its chain id and creates the sender.</summary>
    public static async Task<TransactionSender> CreateAsync(IClient client, EthECKey key, TransactionSenderOptions? options = null,
        TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        cancellationToken.ThrowIfCancellationRequested();
        var chainId = await new Web3(client).Eth.ChainId.SendRequestAsync().ConfigureAwait(false);
        return new TransactionSender(client, key, (ulong)chainId.Value, options, timeProvider);
    }

    /// <inheritdoc />
    public Task<TransactionOutcome> SendAsync(TransactionRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, onBroadcast: null, cancellationToken);

    /// <summary>
    /// As <see cref="SendAsync(TransactionRequest, CancellationToken)"/>, and calls
    /// <paramref name="onBroadcast"/> with the transaction's hash once the node has it, before
    /// waiting for the receipt: a caller can then remember what it sent even if it never learns
    /// the outcome (a receipt timeout, a crash), and look it up instead of sending again.
    /// </summary>
    public async Task<TransactionOutcome> SendAsync(TransactionRequest request, Func<Bytes32, Task>? onBroadcast, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var gasLimit = request.GasLimit ?? await EstimateGasLimitAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.BeforeBroadcast is { } beforeBroadcast)
            await beforeBroadcast(cancellationToken).ConfigureAwait(false);
        var (tip, maxFee) = await _fees.GetAsync().ConfigureAwait(false);
        var (hash, nonce) = await SignAndBroadcastAsync(request, gasLimit, tip, maxFee, cancellationToken).ConfigureAwait(false);
        if (onBroadcast is not null)
            await onBroadcast(hash).ConfigureAwait(false);
        TransactionReceipt receipt;
        try
        {
            receipt = await WaitForReceiptAsync(hash, nonce, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TransactionReceiptTimeoutException or NodeUnreachableException)
        {
            // The node may have dropped the transaction (a restart loses its pool), and with it
            // the nonces carried on after it: the next send counts at the node.
            _nonces.RequestRecount();
            throw;
        }
        if (receipt.Status?.Value != BigInteger.One)
            throw new TransactionRevertedException(await ReplayRevertAsync(request, receipt).ConfigureAwait(false), hash);
        return new TransactionOutcome(hash, (ulong)receipt.BlockNumber.Value, receipt);
    }

    /// <summary>Signs an EIP-1559 transaction and returns its raw bytes (what eth_sendRawTransaction takes): for tests against <c>cast mktx</c>.</summary>
    internal string Sign(TransactionRequest request, ulong nonce, ulong gasLimit, BigInteger tip, BigInteger maxFee) =>
        "0x" + new Transaction1559Signer().SignTransaction(_key, new Transaction1559(_chainId, nonce, tip, maxFee, gasLimit,
            request.To?.ToLowerHex() ?? string.Empty, request.Value, "0x" + Convert.ToHexStringLower(request.Data.Span), []));

    /// <inheritdoc />
    public override string ToString() => $"TransactionSender {{ From = {From}, ChainId = {_chainId} }}";

    private void Validate(TransactionRequest request)
    {
        if (request.Value.Sign < 0)
            throw new ArgumentException("The value sent must be 0 or more wei.", nameof(request));
        if (request.Data.Length > _options.MaxDataBytes)
            throw new ArgumentException($"The call data is {request.Data.Length} bytes, above the limit of {_options.MaxDataBytes}.", nameof(request));
        if (request.To is null && request.Data.IsEmpty)
            throw new ArgumentException("A deployment (no recipient) needs init code as its data.", nameof(request));
        if (request.GasLimit is { } given && (given == 0 || given > _options.MaxGasLimit))
            throw new ArgumentException($"An explicit gas limit must be between 1 and {_options.MaxGasLimit}.", nameof(request));
    }

    // A fresh CallInput per send: Nethereum's messages keep an estimate written into them.
    private CallInput CallOf(TransactionRequest request) => new()
    {
        From = From.ToLowerHex(),
        To = request.To?.ToLowerHex(),
        Data = "0x" + Convert.ToHexStringLower(request.Data.Span),
        Value = new HexBigInteger(request.Value),
    };

    private async Task<ulong> EstimateGasLimitAsync(TransactionRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var estimate = await _web3.Eth.Transactions.EstimateGas.SendRequestAsync(CallOf(request)).ConfigureAwait(false);
            return _options.GasLimitFor((ulong)estimate.Value);
        }
        catch (RpcResponseException e) when (RevertData.From(e) is { } data)
        {
            throw new TransactionRevertedException(data, null, e);
        }
    }

    private async Task<(Bytes32 Hash, ulong Nonce)> SignAndBroadcastAsync(TransactionRequest request, ulong gasLimit, BigInteger tip, BigInteger maxFee,
        CancellationToken cancellationToken)
    {
        await using var reservation = await _nonces.ReserveAsync(cancellationToken).ConfigureAwait(false);
        for (var retry = 0; ; retry++)
        {
            var raw = Sign(request, reservation.Nonce, gasLimit, tip, maxFee);
            var hash = Keccak.Hash(Convert.FromHexString(raw.AsSpan(2)));
            var refusal = await BroadcastAsync(raw, hash).ConfigureAwait(false);
            if (refusal is null)
            {
                reservation.MarkUsed();
                return (hash, reservation.Nonce);
            }
            if (retry >= _options.MaxNonceRetries)
                throw new NonceContentionException(From.ToString(), retry + 1, reservation.Nonce, refusal);
            await reservation.SkipTakenNonceAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<RpcResponseException?> BroadcastAsync(string raw, Bytes32 hash)
    {
        try
        {
            var accepted = await _web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(raw).ConfigureAwait(false);
            if (!string.Equals(accepted, hash.ToHex(), StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"The node reported hash {accepted} for transaction {hash}; the two must agree.");
            return null;
        }
        catch (RpcResponseException e) when (NonceTakenPatterns.Any(p => e.RpcError.Message.Contains(p, StringComparison.OrdinalIgnoreCase)))
        {
            // "already known" or "nonce too low" may be about this very transaction, e.g. when the
            // pool re-sent it to a node that had it already.
            return await NodeKnowsAsync(hash).ConfigureAwait(false) ? null : e;
        }
        catch (NodeUnreachableException)
        {
            // Perhaps only the answer was lost, not the transaction.
            if (await NodeKnowsAsync(hash).ConfigureAwait(false))
                return null;
            // A node that went away may come back without its pending transactions.
            _nonces.RequestRecount();
            throw;
        }
    }

    private async Task<bool> NodeKnowsAsync(Bytes32 hash)
    {
        try
        {
            return await _web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(hash.ToHex()).ConfigureAwait(false) is not null;
        }
        catch (Exception e) when (e is RpcResponseException or NodeUnreachableException)
        {
            return false;
        }
    }

    private async Task<TransactionReceipt> WaitForReceiptAsync(Bytes32 hash, ulong nonce, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var until = started + (long)(_options.ReceiptTimeout.TotalSeconds * _time.TimestampFrequency);
        while (true)
        {
            // The head is read before the receipt: a block after it wakes this send again.
            var head = await _head.GetAsync().ConfigureAwait(false);
            var receipt = await _web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash.ToHex()).ConfigureAwait(false);
            if (receipt?.BlockNumber is not null && IsConfirmed(receipt, Math.Max(head, (ulong)receipt.BlockNumber.Value)))
                return receipt;
            var waited = _time.GetElapsedTime(started);
            if (waited >= _options.ReceiptTimeout)
                throw new TransactionReceiptTimeoutException(hash, nonce, waited);
            await _head.WaitBeyondAsync(head, until, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool IsConfirmed(TransactionReceipt receipt, ulong head) =>
        _options.Confirmations == 0 || head >= (ulong)receipt.BlockNumber.Value + (ulong)_options.Confirmations;

    // A receipt carries no revert data: replay the call on the state of its block, which
    // explains it whenever the refusal did not depend on the transactions after it.
    private async Task<ReadOnlyMemory<byte>> ReplayRevertAsync(TransactionRequest request, TransactionReceipt receipt)
    {
        try
        {
            await _web3.Eth.Transactions.Call.SendRequestAsync(CallOf(request), new BlockParameter(receipt.BlockNumber))
                .ConfigureAwait(false);
            return ReadOnlyMemory<byte>.Empty;
        }
        catch (RpcResponseException e) when (RevertData.From(e) is { } data)
        {
            return data;
        }
    }
}
