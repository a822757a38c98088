using Ledger.Gateway.Tls;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Ledger.Gateway.Identity.Authorization;

/// <summary>
/// Tells the options system that the certificate scheme's options (its trust store) are
/// stale once the trusted CA files were reloaded, so the next request builds them anew.
/// Resolves the CAs lazily: Devnet mode never asks for this scheme's options.
/// </summary>
internal sealed class TrustedCaChangeTokenSource(IServiceProvider services) : IOptionsChangeTokenSource<CertificateAuthenticationOptions>
{
    /// <inheritdoc />
    public string Name => CertificateAuthenticationDefaults.AuthenticationScheme;

    /// <inheritdoc />
    public IChangeToken GetChangeToken() => services.GetRequiredService<TrustedCertificateAuthorities>().GetChangeToken();
}
