using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ledger.Chain.Rpc;

/// <summary>
/// Sends JSON-RPC 2.0 calls to an Ethereum node (or to a pool of nodes). Implementations
/// are safe for concurrent use. The typed eth_* methods are extensions in
/// <see cref="EthRpcExtensions"/>, so every implementation has them.
/// </summary>
public interface IRpcClient
{
    /// <summary>
    /// Calls <paramref name="method"/> and returns its result (a JSON null is returned, not thrown).
    /// Throws <see cref="RpcErrorException"/> (or <see cref="RpcRevertException"/>) when the node
    /// answers with an error, <see cref="RpcTransportException"/> when no answer could be had, and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<JsonElement> SendAsync(string method, IReadOnlyList<JsonNode?> parameters, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends all <paramref name="requests"/> in one HTTP request and returns their responses in
    /// the order of the requests, whatever order the node answered in. A call the node refused
    /// is an error response, not an exception; a batch the node refused as a whole throws
    /// <see cref="RpcErrorException"/>; transport failures throw <see cref="RpcTransportException"/>.
    /// </summary>
    Task<IReadOnlyList<RpcResponse>> SendBatchAsync(IReadOnlyList<RpcRequest> requests, CancellationToken cancellationToken = default);
}
