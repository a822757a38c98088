namespace Ledger.Gateway.Identity;

/// <summary>
/// Maps client certificates to an authority and role. A certificate matches when it was
/// issued by the named CA (by SHA-256 thumbprint and/or subject) and, if
/// <see cref="Subject"/> is set, has exactly that subject. An entry with a subject wins over
/// a CA-wide entry without one.
/// </summary>
public sealed class ClientCertificateMapping
{
    /// <summary>
    /// SHA-256 fingerprint of the issuing CA certificate, 64 hex digits; colons and spaces
    /// are allowed (as printed by <c>openssl x509 -noout -fingerprint -sha256</c>).
    /// </summary>
    public string? IssuerThumbprintSha256 { get; set; }

    /// <summary>Distinguished name of the issuing CA, e.g. "CN=FOEN Officers CA, O=FOEN, C=CH".</summary>
    public string? IssuerSubject { get; set; }

    /// <summary>Distinguished name of the client certificate; empty = any certificate from that CA.</summary>
    public string? Subject { get; set; }

    /// <summary>Account address of the authority the caller acts for, "0x" + 40 hex digits.</summary>
    public string Authority { get; set; } = "";

    /// <summary>Role of the caller; required.</summary>
    public CallerRole? Role { get; set; }
}
