using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Observability;

/// <summary>
/// Records the outcome of every write (a request with a <c>request_id</c> field): a count per
/// action and outcome, and an audit line for each refused or failed one with the status the
/// caller received. Successful writes are audited by the write pipeline, which knows the
/// transaction. Registered outside the error interceptor, so it sees the final status.
/// </summary>
internal sealed class WriteOutcomeInterceptor(AuditLog audit, GatewayMetrics metrics) : Interceptor
{
    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var requestId = RequestIdOf(request);
        if (requestId is null)
            return continuation(request, context); // a read: nothing to record, so no state machine of its own
        return RecordedAsync(request, context, continuation, requestId);
    }

    private async Task<TResponse> RecordedAsync<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation, string requestId)
        where TRequest : class where TResponse : class
    {
        var action = ActionOf(context.Method);
        try
        {
            var response = await continuation(request, context).ConfigureAwait(false);
            metrics.RecordWrite(action, AuditOutcome.Succeeded);
            return response;
        }
        catch (Exception e)
        {
            var (status, reason) = e is RpcException rpc
                ? (rpc.StatusCode, rpc.Status.Detail)
                // The caller sees a bare INTERNAL; the audit line says no more (no internals leak into the archive).
                : (StatusCode.Internal, "internal error");
            var caller = context.GetHttpContext().User.FindCaller();
            audit.NotDone(caller?.OfficialIdentity ?? "-", caller?.AuthorityAddress ?? "-", action, requestId, status, reason);
            metrics.RecordWrite(action, AuditOutcome.Of(status));
            throw;
        }
    }

    /// <summary>The method's short name ("/ledger.v1.PermitService/RegisterPermit" → "RegisterPermit").</summary>
    public static string ActionOf(string method) => method[(method.LastIndexOf('/') + 1)..];

    private static string? RequestIdOf<TRequest>(TRequest request) =>
        request is IMessage message && message.Descriptor.FindFieldByName("request_id") is { } field
            ? field.Accessor.GetValue(message) as string is { Length: > 0 } id ? Truncate(id) : "-"
            : null;

    // A request ID is caller-controlled: keep at most a short prefix of it in the log.
    private static string Truncate(string value) => value.Length <= 128 ? value : value[..128] + "…";
}
