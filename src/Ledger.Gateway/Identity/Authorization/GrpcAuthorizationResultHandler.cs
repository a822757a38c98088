using Grpc.AspNetCore.Server;
using Grpc.Core;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Observability;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Ledger.Gateway.Identity.Authorization;

/// <summary>
/// Answers a refused request the way its client understands, with a message that says what
/// to do: a gRPC status (UNAUTHENTICATED or PERMISSION_DENIED, trailers-only) for gRPC
/// clients, a 401/403 JSON body for HTTP/JSON clients. ASP.NET Core's default would be a
/// bare 401/403, which gRPC clients report as "Bad gRPC response". Every refusal of a
/// ledger method is written to the audit log.
/// </summary>
internal sealed class GrpcAuthorizationResultHandler(AuditLog audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    /// <inheritdoc />
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }
        var (status, message) = authorizeResult.Challenged
            ? (StatusCode.Unauthenticated, await ChallengeMessageAsync(context).ConfigureAwait(false))
            : (StatusCode.PermissionDenied, ForbiddenMessage(context, authorizeResult));
        var caller = context.User.FindCaller();
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName ?? context.Request.Path.ToString();
        audit.NotDone(caller?.OfficialIdentity ?? "-", caller?.AuthorityAddress ?? "-", method, "-", status, message);
        await GrpcErrorResponse.WriteAsync(context, status, message).ConfigureAwait(false);
    }

    private static async Task<string> ChallengeMessageAsync(HttpContext context)
    {
        var result = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult
            ?? await context.AuthenticateAsync().ConfigureAwait(false);
        return result?.Failure?.Message is { Length: > 0 } failure
            ? failure
            : "No identity was presented. Connect over mutual TLS with the certificate your authority's CA issued to you " +
              $"(on a devnet: name yourself with the '{DevHeaderIdentityResolver.HeaderName}' header).";
    }

    private static string ForbiddenMessage(HttpContext context, PolicyAuthorizationResult result)
    {
        if (context.User.FindRefusal() is { } refusal)
            return refusal;
        var caller = context.User.FindCaller();
        var needed = result.AuthorizationFailure?.FailedRequirements.OfType<CallerRoleRequirement>().FirstOrDefault()?.Allowed;
        if (caller is null || needed is null)
            return "This call is not allowed for your identity. Ask your gateway operator which role it needs.";
        return $"This call needs the role {string.Join(" or ", needed)}; your identity is mapped to {caller.Role} for authority " +
               $"{caller.AuthorityAddress}. Ask your gateway operator to map your certificate to the right role.";
    }
}
