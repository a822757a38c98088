using System.Net;
using Grpc.Core;
using Ledger.Console.Hosting;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Identity;
using Ledger.Gateway.Identity.Authorization;
using Ledger.Gateway.Observability;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.WebConsole;

/// <summary>
/// A refused console page answers a browser, not a gRPC client: without an identity, a devnet
/// browser goes to the identity picker and a production one is told to present its certificate;
/// the wrong role gets a 403 page naming the role needed. Refusals are audited like the API's.
/// Requests on the API's endpoint go to the gRPC handler unchanged (a request for what the
/// endpoint it came in on does not serve never gets here: <see cref="DedicatedListener"/>).
/// </summary>
internal sealed class ConsoleAuthorizationResultHandler(
    GrpcAuthorizationResultHandler api, AuditLog audit, IOptions<GatewayOptions> gateway) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    /// <inheritdoc />
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (DedicatedListener.Of(context) != ConsoleListener.ListenerName)
        {
            await api.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }
        if (authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }
        var caller = context.User.FindCaller();
        if (authorizeResult.Challenged && gateway.Value.Mode == GatewayMode.Devnet)
        {
            context.Response.Redirect("/identity");
            return;
        }
        var (status, message) = authorizeResult.Challenged
            ? (StatusCodes.Status401Unauthorized, "No identity was presented. Connect with the client certificate your authority's CA issued to you.")
            : (StatusCodes.Status403Forbidden, ForbiddenMessage(context, authorizeResult, caller));
        audit.NotDone(caller?.OfficialIdentity ?? "-", caller?.AuthorityAddress ?? "-", "Console " + context.Request.Path, "-",
            status == StatusCodes.Status401Unauthorized ? StatusCode.Unauthenticated : StatusCode.PermissionDenied, message);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Page(message), context.RequestAborted).ConfigureAwait(false);
    }

    private static string ForbiddenMessage(HttpContext context, PolicyAuthorizationResult result, CallerIdentity? caller)
    {
        if (context.User.FindRefusal() is { } refusal)
            return refusal;
        var needed = result.AuthorizationFailure?.FailedRequirements.OfType<CallerRoleRequirement>().FirstOrDefault()?.Allowed;
        return caller is null || needed is null
            ? "This page is not open to your identity."
            : $"This page needs the role {string.Join(" or ", needed)}; you are signed in as {caller.Role}.";
    }

    private static string Page(string message) =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<title>Not allowed · Permit Ledger</title><link rel=\"stylesheet\" href=\"" + ConsoleStylesheet.Url + "\"></head><body><main id=\"main\">" +
        $"<h1>Not allowed</h1><div class=\"alert\" role=\"alert\">{WebUtility.HtmlEncode(message)}</div><p><a href=\"/\">Start page</a></p></main></body></html>";
}
