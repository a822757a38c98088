using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Rpc;

/// <summary>
/// The typed Ethereum JSON-RPC methods the ledger needs, on any <see cref="IRpcClient"/>
/// (a single node or a failover pool). Quantities become <see cref="ulong"/> or
/// <see cref="BigInteger"/>, hex data becomes bytes. Errors are as for
/// <see cref="IRpcClient.SendAsync"/>; an unusable result is a <see cref="RpcTransportException"/>.
/// </summary>
public static class EthRpcExtensions
{
    /// <summary>eth_chainId: the chain id signatures must commit to (EIP-155).</summary>
    public static async Task<ulong> GetChainIdAsync(this IRpcClient client, CancellationToken cancellationToken = default) =>
        Read("eth_chainId").UInt64(await Send(client, "eth_chainId", [], cancellationToken).ConfigureAwait(false), "result");

    /// <summary>eth_blockNumber: the number of the latest block.</summary>
    public static async Task<ulong> GetBlockNumberAsync(this IRpcClient client, CancellationToken cancellationToken = default) =>
        Read("eth_blockNumber").UInt64(await Send(client, "eth_blockNumber", [], cancellationToken).ConfigureAwait(false), "result");

    /// <summary>eth_getBalance in wei, at <paramref name="block"/> (default latest).</summary>
    public static async Task<BigInteger> GetBalanceAsync(
        this IRpcClient client, Address account, BlockTag? block = null, CancellationToken cancellationToken = default)
    {
        const string method = "eth_getBalance";
        var result = await Send(client, method, [RpcParameterWriter.AddressText(account), Tag(block)], cancellationToken).ConfigureAwait(false);
        return Read(method).BigInteger(result, "result");
    }

    /// <summary>
    /// eth_getTransactionCount: the next nonce of <paramref name="account"/>. Use
    /// <see cref="BlockTag.Pending"/> to count transactions still waiting in the node's pool.
    /// </summary>
    public static async Task<ulong> GetTransactionCountAsync(
        this IRpcClient client, Address account, BlockTag? block = null, CancellationToken cancellationToken = default)
    {
        const string method = "eth_getTransactionCount";
        var result = await Send(client, method, [RpcParameterWriter.AddressText(account), Tag(block)], cancellationToken).ConfigureAwait(false);
        return Read(method).UInt64(result, "result");
    }

    /// <summary>eth_gasPrice in wei (0 on a zero-fee PoA chain).</summary>
    public static async Task<BigInteger> GetGasPriceAsync(this IRpcClient client, CancellationToken cancellationToken = default) =>
        Read("eth_gasPrice").BigInteger(await Send(client, "eth_gasPrice", [], cancellationToken).ConfigureAwait(false), "result");

    /// <summary>
    /// eth_maxPriorityFeePerGas in wei, or null when the node does not offer the method
    /// (a pre-London or fee-less configuration): the caller then falls back to eth_gasPrice.
    /// </summary>
    public static async Task<BigInteger?> GetMaxPriorityFeePerGasAsync(this IRpcClient client, CancellationToken cancellationToken = default)
    {
        const string method = "eth_maxPriorityFeePerGas";
        try
        {
            return Read(method).BigInteger(await Send(client, method, [], cancellationToken).ConfigureAwait(false), "result");
        }
        catch (RpcErrorException e) when (IsUnsupportedMethod(e))
        {
            return null;
        }
    }

    /// <summary>eth_getBlockByNumber without transaction bodies; null when there is no such block yet.</summary>
    public static async Task<BlockHeader?> GetBlockHeaderAsync(
        this IRpcClient client, BlockTag block, CancellationToken cancellationToken = default)
    {
        const string method = "eth_getBlockByNumber";
        ArgumentNullException.ThrowIfNull(block);
        var result = await Send(client, method, [block.RpcValue, false], cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : RpcModelReader.ReadBlockHeader(result, Read(method));
    }

    /// <summary>
    /// eth_call: runs <paramref name="call"/> against state at <paramref name="block"/> (default
    /// latest) and returns the returned bytes. A revert throws <see cref="RpcRevertException"/>
    /// carrying the revert data.
    /// </summary>
    public static async Task<byte[]> CallAsync(
        this IRpcClient client, CallRequest call, BlockTag? block = null, CancellationToken cancellationToken = default)
    {
        const string method = "eth_call";
        var result = await Send(client, method, [RpcParameterWriter.Call(call), Tag(block)], cancellationToken).ConfigureAwait(false);
        return Read(method).Data(result, "result");
    }

    /// <summary>
    /// eth_estimateGas for <paramref name="call"/>. The block is sent only when given: some
    /// nodes accept just the call object. A revert throws <see cref="RpcRevertException"/>.
    /// </summary>
    public static async Task<ulong> EstimateGasAsync(
        this IRpcClient client, CallRequest call, BlockTag? block = null, CancellationToken cancellationToken = default)
    {
        const string method = "eth_estimateGas";
        IReadOnlyList<JsonNode?> parameters = block is null
            ? [RpcParameterWriter.Call(call)]
            : [RpcParameterWriter.Call(call), block.RpcValue];
        return Read(method).UInt64(await Send(client, method, parameters, cancellationToken).ConfigureAwait(false), "result");
    }

    /// <summary>
    /// eth_sendRawTransaction: submits a signed transaction and returns its hash. Re-sending
    /// the same bytes (e.g. after a failover) is harmless but the node may answer
    /// "already known" or "nonce too low": see <see cref="RpcErrorException"/>.
    /// </summary>
    public static async Task<Hash32> SendRawTransactionAsync(
        this IRpcClient client, ReadOnlyMemory<byte> signedTransaction, CancellationToken cancellationToken = default)
    {
        const string method = "eth_sendRawTransaction";
        if (signedTransaction.IsEmpty)
            throw new ArgumentException("A signed transaction is required.", nameof(signedTransaction));
        var result = await Send(client, method, [Hex.Encode(signedTransaction.Span)], cancellationToken).ConfigureAwait(false);
        return Read(method).Hash(result, "result");
    }

    /// <summary>eth_getTransactionReceipt; null while the transaction is not mined (or unknown).</summary>
    public static async Task<TransactionReceipt?> GetTransactionReceiptAsync(
        this IRpcClient client, Hash32 transactionHash, CancellationToken cancellationToken = default)
    {
        const string method = "eth_getTransactionReceipt";
        var result = await Send(client, method, [transactionHash.ToString()], cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : RpcModelReader.ReadReceipt(result, Read(method));
    }

    /// <summary>
    /// eth_getTransactionByHash; null when the node does not know the hash (dropped or never
    /// received), <see cref="TransactionInfo.IsPending"/> while it waits in the pool.
    /// </summary>
    public static async Task<TransactionInfo?> GetTransactionByHashAsync(
        this IRpcClient client, Hash32 transactionHash, CancellationToken cancellationToken = default)
    {
        const string method = "eth_getTransactionByHash";
        var result = await Send(client, method, [transactionHash.ToString()], cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : RpcModelReader.ReadTransaction(result, Read(method));
    }

    /// <summary>eth_getLogs: the logs matching <paramref name="filter"/>, in chain order.</summary>
    public static async Task<IReadOnlyList<LogEntry>> GetLogsAsync(
        this IRpcClient client, LogFilter filter, CancellationToken cancellationToken = default)
    {
        const string method = "eth_getLogs";
        var result = await Send(client, method, [RpcParameterWriter.Filter(filter)], cancellationToken).ConfigureAwait(false);
        var read = Read(method);
        return read.Array(result, "result", log => RpcModelReader.ReadLog(log, read));
    }

    /// <summary>net_version: the network id as the node reports it (a decimal string).</summary>
    public static async Task<string> GetNetVersionAsync(this IRpcClient client, CancellationToken cancellationToken = default) =>
        Read("net_version").String(await Send(client, "net_version", [], cancellationToken).ConfigureAwait(false), "result");

    /// <summary>web3_clientVersion: the node software and version, for health pages.</summary>
    public static async Task<string> GetClientVersionAsync(this IRpcClient client, CancellationToken cancellationToken = default) =>
        Read("web3_clientVersion").String(await Send(client, "web3_clientVersion", [], cancellationToken).ConfigureAwait(false), "result");

    /// <summary>True for the errors nodes use to say "this method is not offered here".</summary>
    internal static bool IsUnsupportedMethod(RpcErrorException error) =>
        error.Code is -32601 or -32004
        || error.RpcMessage.Contains("not supported", StringComparison.OrdinalIgnoreCase)
        || error.RpcMessage.Contains("does not exist", StringComparison.OrdinalIgnoreCase);

    private static Task<JsonElement> Send(IRpcClient client, string method, IReadOnlyList<JsonNode?> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.SendAsync(method, parameters, cancellationToken);
    }

    private static string Tag(BlockTag? block) => (block ?? BlockTag.Latest).RpcValue;

    private static RpcResultReader Read(string method) => new(method);
}
