using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Ledger.Console.Hosting;

/// <summary>
/// Bounds the request body of one handler of a page, before anything reads it. Razor Pages apply
/// filters per page, not per handler, and one page's handlers need different bounds (a file
/// upload, a form carrying the file as base64). Runs before antiforgery validation (order 1000),
/// which is the first to read the form: a request announcing more than <see cref="MaxBytes"/> is
/// redirected unread to the page with <c>?tooLarge=</c> its size, where the page says what went
/// wrong; any other request of that handler gets the bound as Kestrel's
/// <see cref="IHttpMaxRequestBodySizeFeature"/>, so a body without a length cannot exceed it either.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class HandlerBodyLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>The query parameter carrying the refused size to the page.</summary>
    public const string TooLargeParameter = "tooLarge";

    /// <summary>The handler bounded, as in <c>?handler=</c> (e.g. "Read").</summary>
    public required string Handler { get; init; }

    /// <summary>The largest body accepted, in bytes.</summary>
    public required long MaxBytes { get; init; }

    /// <summary>Before antiforgery (1000), like the framework's own request size filters (900).</summary>
    public int Order => 900;

    /// <inheritdoc />
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || !string.Equals(HandlerOf(context), Handler, StringComparison.OrdinalIgnoreCase))
            return;
        if (request.ContentLength > MaxBytes)
        {
            var refused = request.ContentLength.Value.ToString(CultureInfo.InvariantCulture);
            context.Result = new RedirectResult($"{request.PathBase}{request.Path}?{TooLargeParameter}={refused}", permanent: false, preserveMethod: false);
            return;
        }
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bound)
            bound.MaxRequestBodySize = MaxBytes;
    }

    // As Razor Pages' handler selector reads it: the route value, else the query.
    private static string? HandlerOf(AuthorizationFilterContext context) =>
        context.RouteData.Values.TryGetValue("handler", out var routed) && routed is string { Length: > 0 } name
            ? name
            : context.HttpContext.Request.Query["handler"].FirstOrDefault();
}
