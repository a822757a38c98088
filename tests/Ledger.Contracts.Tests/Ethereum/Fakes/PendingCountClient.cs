using Nethereum.JsonRpc.Client.RpcMessages;

namespace Ledger.Contracts.Tests.Ethereum.Fakes;

/// <summary>
/// A node that answers only <c>eth_getTransactionCount</c> (the pending count
/// <see cref="AccountNonces"/> reads), counts how often it was asked, and can be taken away.
/// </summary>
internal sealed class PendingCountClient : IClient
{
    private int _reads;

    /// <summary>The count the node answers.</summary>
    public ulong PendingCount { get; set; }

    /// <summary>While true, every call fails as an unreachable node's would.</summary>
    public bool Away { get; set; }

    /// <summary>How many counts were read.</summary>
    public int Reads => Volatile.Read(ref _reads);

    public RequestInterceptor? OverridingRequestInterceptor { get; set; }

    public Task<T> SendRequestAsync<T>(RpcRequest request, string? route = null)
    {
        if (request.Method != "eth_getTransactionCount")
            throw new NotSupportedException(request.Method);
        if (Away)
            throw new RpcClientUnknownException("The node is away.");
        Interlocked.Increment(ref _reads);
        return Task.FromResult((T)(object)new HexBigInteger(PendingCount));
    }

    public Task<T> SendRequestAsync<T>(string method, string? route = null, params object[] paramList) =>
        SendRequestAsync<T>(new RpcRequest(1, method, paramList), route);

    public Task SendRequestAsync(RpcRequest request, string? route = null) => throw new NotSupportedException(request.Method);

    public Task SendRequestAsync(string method, string? route = null, params object[] paramList) => throw new NotSupportedException(method);

    public Task<RpcRequestResponseBatch> SendBatchRequestAsync(RpcRequestResponseBatch rpcRequestResponseBatch) => throw new NotSupportedException("batch");

    public Task<RpcResponseMessage> SendAsync(RpcRequestMessage rpcRequestMessage, string? route = null) => throw new NotSupportedException(rpcRequestMessage.Method);

    public T DecodeResult<T>(RpcResponseMessage rpcResponseMessage) => throw new NotSupportedException();
}
