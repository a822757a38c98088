using System.Text.Encodings.Web;
using Ledger.Console.Backend;
using Ledger.Gateway.Identity;
using Ledger.Gateway.Identity.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.WebConsole;

/// <summary>
/// Devnet mode's scheme for the web console: the identity picked on the console's identity page
/// (a cookie), resolved exactly like the API's dev header (configured names, loopback callers
/// only). No cookie: anonymous, so a page's policy sends the browser to the picker.
/// </summary>
internal sealed class DevnetConsoleAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, DevHeaderIdentityResolver resolver)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "DevnetConsole";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(DevnetIdentityCookie.Name, out var name) || string.IsNullOrWhiteSpace(name))
            return Task.FromResult(AuthenticateResult.NoResult());
        return Task.FromResult(CallerAuthentication.ToResult(() => resolver.Resolve(Context, name, "the console's identity picker"), Scheme.Name));
    }
}
