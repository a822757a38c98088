using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Identity.Authorization;

/// <summary>
/// Devnet mode's authentication scheme: the caller named in the <c>x-ledger-dev-identity</c>
/// header, through <see cref="DevHeaderIdentityResolver"/> (loopback callers only; a request
/// whose remote address is unknown is refused).
/// </summary>
internal sealed class DevHeaderAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, DevHeaderIdentityResolver resolver)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "DevHeader";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(CallerAuthentication.ToResult(() => resolver.Resolve(Context), Scheme.Name));
}
