using System.Security.Cryptography.X509Certificates;

namespace Ledger.Gateway.Tls;

/// <summary>The outcome of validating a client certificate against the trusted CAs.</summary>
/// <param name="IsTrusted">True when a valid chain to a trusted CA was built.</param>
/// <param name="Issuer">The certificate that issued the client certificate (set when trusted).</param>
/// <param name="Failure">Why it is not trusted (set when not trusted), for the caller's error message.</param>
public sealed record ChainValidationResult(bool IsTrusted, X509Certificate2? Issuer, string? Failure)
{
    /// <summary>A failed validation with its reason.</summary>
    public static ChainValidationResult Untrusted(string failure) => new(false, null, failure);
}
