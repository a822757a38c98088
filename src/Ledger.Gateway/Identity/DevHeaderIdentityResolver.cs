using System.Net;
using Grpc.Core;
using Ledger.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Identity;

/// <summary>
/// Devnet mode only: the caller names a configured identity in the
/// <c>x-ledger-dev-identity</c> metadata header. Nothing proves the claim, so this resolver
/// refuses to exist outside Devnet mode and refuses callers that are not on loopback, or
/// whose remote address is unknown (a transport that cannot say where the call comes from
/// cannot prove it comes from this machine).
/// </summary>
public sealed class DevHeaderIdentityResolver
{
    /// <summary>The metadata (HTTP/2 header) a Devnet caller names itself with.</summary>
    public const string HeaderName = "x-ledger-dev-identity";

    private readonly Dictionary<string, CallerIdentity> _identities;

    /// <summary>Creates the resolver; throws unless the gateway runs in Devnet mode.</summary>
    /// <exception cref="InvalidOperationException">The gateway is not in Devnet mode.</exception>
    public DevHeaderIdentityResolver(IOptions<GatewayOptions> gateway, IOptions<IdentityOptions> identity)
    {
        if (gateway.Value.Mode != GatewayMode.Devnet)
            throw new InvalidOperationException("Header identities are only accepted in Devnet mode.");
        _identities = identity.Value.DevIdentities.ToDictionary(
            pair => pair.Key,
            pair => CallerIdentity.FromDevnetName(pair.Value.Authority, pair.Value.Role!.Value, pair.Key),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The identity named by the request's header.</summary>
    /// <exception cref="RpcException">UNAUTHENTICATED without the header; PERMISSION_DENIED for an unknown name, or a caller not on loopback or of unknown address.</exception>
    public CallerIdentity Resolve(HttpContext httpContext) =>
        Resolve(httpContext, httpContext.Request.Headers[HeaderName].ToString(), $"the '{HeaderName}' header");

    /// <summary>
    /// The identity named <paramref name="name"/>, by the same rules as the header (loopback
    /// callers only): the web console's devnet identity picker names it in a cookie.
    /// </summary>
    /// <param name="httpContext">The request.</param>
    /// <param name="name">The identity's name as the caller gave it.</param>
    /// <param name="carrier">Where the caller names itself, for the message (e.g. "the identity picker").</param>
    /// <exception cref="RpcException">As <see cref="Resolve(HttpContext)"/>.</exception>
    public CallerIdentity Resolve(HttpContext httpContext, string name, string carrier)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var remote = httpContext.Connection.RemoteIpAddress;
        if (remote is null)
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                "Devnet identities are only accepted from this machine (loopback), and this call's remote address is unknown."));
        if (!IPAddress.IsLoopback(remote))
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                "Devnet identities are only accepted from this machine (loopback)."));
        name = name?.Trim() ?? "";
        if (name.Length == 0)
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                $"Devnet mode: name yourself with {carrier}, one of: {KnownNames()}."));
        if (!_identities.TryGetValue(name, out var identity))
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"Devnet identity '{Truncate(name)}' is not configured; use one of: {KnownNames()} (Identity:DevIdentities)."));
        return identity;
    }

    private string KnownNames() => string.Join(", ", _identities.Keys.Order(StringComparer.Ordinal));

    // A header is caller-controlled: echo at most a short prefix of it.
    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
