using System.Text.Json;

namespace Ledger.Chain.Rpc;

/// <summary>
/// The node answered with a JSON-RPC error object: the endpoint works, the request was
/// refused (bad parameters, unknown method, nonce too low, ...). Never a reason to fail
/// over. For eth_sendRawTransaction sent again after a failover, an "already known" (or
/// "nonce too low" for the same transaction hash) answer means the transaction is in: the
/// caller decides, from <see cref="RpcMessage"/> and the hash it computed itself.
/// </summary>
public class RpcErrorException : RpcException
{
    /// <summary>Creates the exception from the error object's fields.</summary>
    public RpcErrorException(string method, long code, string rpcMessage, JsonElement? data)
        : base(method, $"{method} failed with JSON-RPC error {code}: {rpcMessage}", null)
    {
        Code = code;
        RpcMessage = rpcMessage;
        ErrorData = data;
    }

    /// <summary>The error code (e.g. -32601 method not found, -32000 server error, 3 execution reverted).</summary>
    public long Code { get; }

    /// <summary>The node's error message, verbatim.</summary>
    public string RpcMessage { get; }

    /// <summary>The error's optional data member, as the node sent it.</summary>
    public JsonElement? ErrorData { get; }

    /// <summary>
    /// Builds the most specific exception for an error object: a <see cref="RpcRevertException"/>
    /// when the node reports reverted execution (code 3 as geth and anvil send it, or a message
    /// mentioning a revert as Besu sends it with -32000), otherwise this type.
    /// </summary>
    public static RpcErrorException Create(string method, long code, string rpcMessage, JsonElement? data)
    {
        var reverted = code == RpcRevertException.ExecutionRevertedCode
            || rpcMessage.Contains("revert", StringComparison.OrdinalIgnoreCase);
        return reverted
            ? new RpcRevertException(method, code, rpcMessage, data)
            : new RpcErrorException(method, code, rpcMessage, data);
    }
}
