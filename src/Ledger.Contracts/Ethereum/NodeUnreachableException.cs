namespace Ledger.Contracts.Ethereum;

/// <summary>
/// No node endpoint answered a request: every one failed at the transport (refused, timed out,
/// not JSON-RPC). Retryable. A JSON-RPC error answer is not this: it is Nethereum's
/// <see cref="Nethereum.JsonRpc.Client.RpcResponseException"/>.
/// </summary>
public sealed class NodeUnreachableException : Exception
{
    /// <summary>Creates the exception for <paramref name="method"/> with each endpoint's failure.</summary>
    public NodeUnreachableException(string method, IReadOnlyList<Exception> failures)
        : base($"No node answered {method}: " + string.Join("; ", failures.Select(f => f.Message)),
            failures.Count == 1 ? failures[0] : new AggregateException(failures))
    {
        Method = method;
    }

    /// <summary>The JSON-RPC method that could not be sent.</summary>
    public string Method { get; }
}
