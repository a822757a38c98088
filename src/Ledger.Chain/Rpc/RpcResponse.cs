using System.Text.Json;

namespace Ledger.Chain.Rpc;

/// <summary>
/// The answer to one call of a batch: either a result or the node's error. A batch does not
/// throw for one refused call; <see cref="GetResultOrThrow"/> does, with the typed exception.
/// </summary>
public sealed class RpcResponse
{
    private readonly JsonElement _result;

    private RpcResponse(JsonElement result, RpcErrorException? error)
    {
        _result = result;
        Error = error;
    }

    /// <summary>The node's error for this call, or null when it succeeded.</summary>
    public RpcErrorException? Error { get; }

    /// <summary>True when the node answered this call with an error.</summary>
    public bool IsError => Error is not null;

    /// <summary>A successful answer; <paramref name="result"/> must outlive its JSON document (cloned).</summary>
    public static RpcResponse Success(JsonElement result) => new(result, null);

    /// <summary>An error answer.</summary>
    public static RpcResponse Failure(RpcErrorException error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>The result (JSON null is a valid result), or throws the call's <see cref="RpcErrorException"/>.</summary>
    public JsonElement GetResultOrThrow() => Error is null ? _result : throw Error;
}
