namespace Ledger.Chain.Rpc;

/// <summary>
/// Base of every failure of a JSON-RPC call, so callers can catch "the chain call failed"
/// in one place and still tell a dead endpoint (<see cref="RpcTransportException"/>) from
/// a node that answered with an error (<see cref="RpcErrorException"/>).
/// </summary>
public abstract class RpcException : Exception
{
    /// <summary>Creates the exception for a call of <paramref name="method"/>.</summary>
    protected RpcException(string method, string message, Exception? innerException)
        : base(message, innerException)
    {
        Method = method;
    }

    /// <summary>The JSON-RPC method that failed (for a batch: "batch of N").</summary>
    public string Method { get; }
}
