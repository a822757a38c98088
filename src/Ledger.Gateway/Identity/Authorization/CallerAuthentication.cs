using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;

namespace Ledger.Gateway.Identity.Authorization;

/// <summary>
/// Turns an identity resolver's verdict into an authentication result, the same for both
/// schemes: a caller becomes a <see cref="CallerClaimsIdentity"/>; a caller who proved who
/// they are but may not act (PERMISSION_DENIED) becomes a <see cref="RefusedClaimsIdentity"/>;
/// anything else fails authentication with the resolver's message (UNAUTHENTICATED).
/// </summary>
internal static class CallerAuthentication
{
    /// <summary>The principal for <paramref name="resolve"/>'s caller, or the failure message.</summary>
    public static (ClaimsPrincipal? Principal, string? Failure) Resolve(Func<CallerIdentity> resolve, string scheme)
    {
        try
        {
            return (new ClaimsPrincipal(new CallerClaimsIdentity(resolve(), scheme)), null);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
        {
            return (new ClaimsPrincipal(new RefusedClaimsIdentity(e.Status.Detail, scheme)), null);
        }
        catch (RpcException e)
        {
            return (null, e.Status.Detail);
        }
    }

    /// <summary>The same verdict as an <see cref="AuthenticateResult"/>.</summary>
    public static AuthenticateResult ToResult(Func<CallerIdentity> resolve, string scheme)
    {
        var (principal, failure) = Resolve(resolve, scheme);
        return principal is null
            ? AuthenticateResult.Fail(failure!)
            : AuthenticateResult.Success(new AuthenticationTicket(principal, scheme));
    }
}
