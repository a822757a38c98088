using Microsoft.AspNetCore.Mvc.Filters;

namespace Ledger.Console.Hosting;

/// <summary>
/// Headers every console page carries: scripts, styles and images only from the console itself
/// (QR codes are inline data: images), no framing, no referrer leaving the site, no sniffing.
/// The camera is allowed to the console itself, for scanning QR codes.
/// </summary>
internal sealed class SecurityHeadersFilter : IAsyncPageFilter
{
    /// <inheritdoc />
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(self)";
        headers.CacheControl = "no-store";
        return next();
    }
}
