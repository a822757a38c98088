using System.Security.Claims;

namespace Ledger.Gateway.Identity;

/// <summary>
/// The authenticated caller as ASP.NET Core sees it: a claims identity that carries the
/// resolved <see cref="CallerIdentity"/> together with its claims (authority address, role,
/// actorRef), so that policies check roles and handlers take the identity from
/// <c>HttpContext.User</c> without resolving it again.
/// </summary>
public sealed class CallerClaimsIdentity : ClaimsIdentity
{
    /// <summary>Claim type of the authority's account address ("0x" + 40 lower-case hex digits).</summary>
    public const string AuthorityClaim = "ledger:authority";

    /// <summary>Claim type of the actorRef recorded on chain.</summary>
    public const string ActorRefClaim = "ledger:actor-ref";

    /// <summary>Wraps <paramref name="caller"/> for the scheme <paramref name="authenticationType"/>.</summary>
    public CallerClaimsIdentity(CallerIdentity caller, string authenticationType)
        : base(
            [
                new Claim(ClaimTypes.Name, caller.OfficialIdentity),
                new Claim(AuthorityClaim, caller.AuthorityAddress),
                new Claim(ClaimTypes.Role, caller.Role.ToString()),
                new Claim(ActorRefClaim, caller.ActorRefHex),
            ],
            authenticationType, ClaimTypes.Name, ClaimTypes.Role)
    {
        Caller = caller;
    }

    /// <summary>The resolved caller.</summary>
    public CallerIdentity Caller { get; }
}

/// <summary>
/// A caller who proved who they are (a trusted certificate, a loopback Devnet caller) but is
/// mapped to no authority, or is refused for another reason: authenticated, so the answer is
/// PERMISSION_DENIED with <see cref="Reason"/> rather than UNAUTHENTICATED, but holding no
/// caller, so every ledger policy refuses it.
/// </summary>
public sealed class RefusedClaimsIdentity(string reason, string authenticationType) : ClaimsIdentity(authenticationType)
{
    /// <summary>Why the caller may do nothing, in words that say what to do.</summary>
    public string Reason { get; } = reason;
}

/// <summary>Reads the caller from an authenticated principal.</summary>
public static class CallerPrincipal
{
    /// <summary>The caller, or null when the principal holds none.</summary>
    public static CallerIdentity? FindCaller(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        // Asked several times per request (rate limit layers, the role check, the handler): a
        // plain loop over the identities, without LINQ's enumerators.
        foreach (var identity in principal.Identities)
        {
            if (identity is CallerClaimsIdentity caller)
                return caller.Caller;
        }
        return null;
    }

    /// <summary>
    /// The caller of a request that passed a ledger policy. Throws when there is none,
    /// which means the endpoint has no policy: a bug, never a caller's mistake.
    /// </summary>
    /// <exception cref="InvalidOperationException">The request carries no authenticated caller.</exception>
    public static CallerIdentity GetCaller(this ClaimsPrincipal principal) =>
        principal.FindCaller() ?? throw new InvalidOperationException(
            "This endpoint ran without an authenticated caller; declare an authorization policy on it.");

    /// <summary>Why the principal was refused, when it was authenticated without a caller.</summary>
    public static string? FindRefusal(this ClaimsPrincipal principal) =>
        principal.Identities.OfType<RefusedClaimsIdentity>().FirstOrDefault()?.Reason;
}
