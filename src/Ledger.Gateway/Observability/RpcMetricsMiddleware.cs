using System.Diagnostics;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http.Features;

namespace Ledger.Gateway.Observability;

/// <summary>
/// Counts and times every gRPC call (and its HTTP/JSON transcoding) by method and final gRPC
/// status. It runs before authentication, so refused and rate-limited calls are counted too.
/// </summary>
internal sealed class RpcMetricsMiddleware(RequestDelegate next, GatewayMetrics metrics)
{
    /// <summary>Runs the rest of the pipeline and records the call.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            metrics.RecordRequest(method.FullName.TrimStart('/'), StatusOf(context), Stopwatch.GetElapsedTime(started));
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
            return "http_" + context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return int.TryParse(status, out var code) && Enum.IsDefined((Grpc.Core.StatusCode)code)
            ? ((Grpc.Core.StatusCode)code).ToString()
            : status;
    }
}
