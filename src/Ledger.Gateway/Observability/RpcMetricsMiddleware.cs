using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace Ledger.Gateway.Observability;

/// <summary>
/// Counts and times every gRPC call (and its HTTP/JSON transcoding) by method and final gRPC
/// status. It runs before authentication, so refused and rate-limited calls are counted too.
/// </summary>
/// <remarks>
/// For gRPC calls this is the one source of truth for request metrics (ledger.rpc.*): it knows
/// the method and the gRPC status, which ASP.NET Core's http.server.request.duration does not
/// (every gRPC answer is HTTP 200), so that duplicate is switched off for these calls; the other
/// endpoints (the console's pages) keep it. The names and labels are worked out once per method
/// and status, not at every call.
/// </remarks>
internal sealed class RpcMetricsMiddleware(RequestDelegate next, GatewayMetrics metrics)
{
    private static readonly string[] GrpcStatusNames = Enum.GetValues<StatusCode>()
        .Select(code => ((int)code, code.ToString())).OrderBy(pair => pair.Item1).Select(pair => pair.Item2).ToArray();

    private static readonly ConcurrentDictionary<int, string> HttpStatusNames = new();

    private readonly ConcurrentDictionary<IMethod, string> _methodNames = new(ReferenceEqualityComparer.Instance);

    /// <summary>Runs the rest of the pipeline and records the call.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is null)
            return next(context);
        if (context.Features.Get<IHttpMetricsTagsFeature>() is { } hosting)
            hosting.MetricsDisabled = true;
        return RecordAsync(context, method);
    }

    private async Task RecordAsync(HttpContext context, IMethod method)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            metrics.RecordRequest(_methodNames.GetOrAdd(method, static m => m.FullName.TrimStart('/')), StatusOf(context), Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// The grpc-status of the answer: in the trailers normally, in the headers for a
    /// trailers-only answer; for a JSON client, its HTTP status.
    /// </summary>
    private static string StatusOf(HttpContext context)
    {
        var status = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers["grpc-status"].ToString();
        if (string.IsNullOrEmpty(status))
            status = context.Response.Headers["grpc-status"].ToString();
        if (string.IsNullOrEmpty(status))
            return HttpStatusNames.GetOrAdd(context.Response.StatusCode, static code => "http_" + code.ToString(CultureInfo.InvariantCulture));
        return int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code < GrpcStatusNames.Length
            ? GrpcStatusNames[code]
            : status;
    }
}
