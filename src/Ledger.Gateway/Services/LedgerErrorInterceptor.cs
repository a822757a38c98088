using Grpc.Core;
using Grpc.Core.Interceptors;
using Ledger.Core.Errors;

namespace Ledger.Gateway.Services;

/// <summary>
/// The one place where Core's error kinds become gRPC status codes, for unary and streaming
/// calls alike. Node failures that escape a handler become UNAVAILABLE (retryable).
/// </summary>
internal sealed class LedgerErrorInterceptor : Interceptor
{
    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Task<TResponse> answer;
        try
        {
            answer = continuation(request, context);
        }
        catch (Exception e) when (ToRpcException(e) is { } mapped)
        {
            throw mapped;
        }
        // An answer that is already there (a cached verification) goes back as it is, without a
        // state machine of its own; only one still running is awaited to map its failure.
        return answer.IsCompletedSuccessfully ? answer : MappedAsync(answer);
    }

    /// <inheritdoc />
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception e) when (ToRpcException(e) is { } mapped)
        {
            throw mapped;
        }
    }

    private static async Task<TResponse> MappedAsync<TResponse>(Task<TResponse> answer)
    {
        try
        {
            return await answer.ConfigureAwait(false);
        }
        catch (Exception e) when (ToRpcException(e) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>The gRPC status for an error of kind <paramref name="kind"/>.</summary>
    public static StatusCode StatusCodeOf(LedgerErrorKind kind) => kind switch
    {
        LedgerErrorKind.InvalidArgument => StatusCode.InvalidArgument,
        LedgerErrorKind.PermissionDenied => StatusCode.PermissionDenied,
        LedgerErrorKind.FailedPrecondition => StatusCode.FailedPrecondition,
        LedgerErrorKind.AlreadyExists => StatusCode.AlreadyExists,
        LedgerErrorKind.NotFound => StatusCode.NotFound,
        LedgerErrorKind.Unavailable => StatusCode.Unavailable,
        LedgerErrorKind.Aborted => StatusCode.Aborted,
        _ => StatusCode.Internal,
    };

    /// <summary>
    /// True when <paramref name="e"/> means no node (or nonce lease) answered: retryable,
    /// UNAVAILABLE. A reverted read is a bug, not an outage: it stays INTERNAL (no detail leaks out).
    /// </summary>
    public static bool IsNodeFailure(Exception e) => e switch
    {
        Nethereum.JsonRpc.Client.RpcResponseException response when Contracts.Ethereum.RevertData.From(response) is not null => false,
        Nethereum.JsonRpc.Client.RpcResponseException or Contracts.Ethereum.NodeUnreachableException or Contracts.Ethereum.NonceLeaseUnavailableException => true,
        _ => false,
    };

    private static Grpc.Core.RpcException? ToRpcException(Exception e) => e switch
    {
        LedgerException ledger => new RpcException(new Status(StatusCodeOf(ledger.Kind), ledger.Error.Message)),
        _ when IsNodeFailure(e) => new RpcException(new Status(StatusCode.Unavailable, Messages.NodeUnavailable().Message)),
        _ => null,
    };
}
