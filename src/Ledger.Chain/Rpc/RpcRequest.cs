using System.Text.Json.Nodes;

namespace Ledger.Chain.Rpc;

/// <summary>
/// One JSON-RPC call: a method and its positional parameters. The id is assigned by the
/// client when the request is sent, so the same request may be sent again safely.
/// </summary>
/// <param name="Method">The JSON-RPC method, e.g. "eth_call".</param>
/// <param name="Parameters">Positional parameters; strings, numbers, objects and null convert implicitly.</param>
public sealed record RpcRequest(string Method, IReadOnlyList<JsonNode?> Parameters)
{
    /// <summary>A request without parameters.</summary>
    public RpcRequest(string method) : this(method, []) { }
}
