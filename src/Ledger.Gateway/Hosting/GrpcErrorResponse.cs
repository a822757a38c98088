using System.Net.Mime;
using System.Text.Json;
using Grpc.Core;

namespace Ledger.Gateway.Hosting;

/// <summary>
/// An error answered before a request reaches its gRPC method (authentication,
/// authorization, rate limiting), in the form its client understands.
/// </summary>
public static class GrpcErrorResponse
{
    /// <summary>Writes a trailers-only gRPC error, or a JSON error with the matching HTTP status for HTTP/JSON clients.</summary>
    public static async Task WriteAsync(HttpContext context, StatusCode status, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            return;
        }
        response.StatusCode = status switch
        {
            StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
            StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
            StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status400BadRequest,
        };
        response.ContentType = MediaTypeNames.Application.Json;
        await JsonSerializer.SerializeAsync(response.Body, new ErrorBody((int)status, message), JsonSerializerOptions.Web).ConfigureAwait(false);
    }

    private sealed record ErrorBody(int Code, string Message);
}
