using Nethereum.JsonRpc.Client.RpcMessages;

namespace Ledger.Contracts.Tests.Ethereum.Fakes;

/// <summary>
/// A node fake that answers single requests (<see cref="AnswerAsync{T}"/>, whichever overload
/// Nethereum sends them by); batches, untyped requests and raw messages throw.
/// </summary>
internal abstract class OneRequestClient : IClient
{
    public RequestInterceptor? OverridingRequestInterceptor { get; set; }

    /// <summary>The answer to <paramref name="request"/>; throws for a request the fake does not know.</summary>
    protected abstract Task<T> AnswerAsync<T>(RpcRequest request);

    public Task<T> SendRequestAsync<T>(RpcRequest request, string? route = null) => AnswerAsync<T>(request);

    public Task<T> SendRequestAsync<T>(string method, string? route = null, params object[] paramList) =>
        AnswerAsync<T>(new RpcRequest(1, method, paramList));

    public Task SendRequestAsync(RpcRequest request, string? route = null) => throw new NotSupportedException(request.Method);

    public Task SendRequestAsync(string method, string? route = null, params object[] paramList) => throw new NotSupportedException(method);

    public Task<RpcRequestResponseBatch> SendBatchRequestAsync(RpcRequestResponseBatch rpcRequestResponseBatch) => throw new NotSupportedException("batch");

    public Task<RpcResponseMessage> SendAsync(RpcRequestMessage rpcRequestMessage, string? route = null) => throw new NotSupportedException(rpcRequestMessage.Method);

    public T DecodeResult<T>(RpcResponseMessage rpcResponseMessage) => throw new NotSupportedException();
}
