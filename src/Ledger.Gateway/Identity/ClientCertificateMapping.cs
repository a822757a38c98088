namespace Ledger.Gateway.Identity;

/// <summary>
/// Maps client certificates to an authority and role. A certificate matches when it was issued
/// by the CA whose certificate has the SHA-256 fingerprint <see cref="IssuerThumbprintSha256"/>
/// (and, when <see cref="IssuerSubject"/> is set too, that CA has that subject) and, if
/// <see cref="Subject"/> is set, has exactly that subject. An entry with a subject wins over a
/// CA-wide entry without one.
/// </summary>
public sealed class ClientCertificateMapping
{
    /// <summary>
    /// SHA-256 fingerprint of the issuing CA certificate, 64 hex digits; colons and spaces
    /// are allowed (as printed by <c>openssl x509 -noout -fingerprint -sha256 -in ca.crt</c>).
    /// Required: it names one CA certificate, where a subject may be shared
    /// by several trusted CAs (a renewed CA keeps its predecessor's name; another organisation's
    /// CA may choose the same), each of whose certificates would then match the entry.
    /// </summary>
    public string? IssuerThumbprintSha256 { get; set; }

    /// <summary>
    /// Optional distinguished name of the issuing CA, e.g. "CN=FOEN Officers CA, O=FOEN, C=CH":
    /// a readable label that must also match. An entry whose fingerprint was copied from
    /// another CA then matches nothing, instead of that CA's certificates.
    /// </summary>
    public string? IssuerSubject { get; set; }

    /// <summary>Distinguished name of the client certificate; empty = any certificate from that CA.</summary>
    public string? Subject { get; set; }

    /// <summary>Account address of the authority the caller acts for, "0x" + 40 hex digits.</summary>
    public string Authority { get; set; } = "";

    /// <summary>Role of the caller; required.</summary>
    public CallerRole? Role { get; set; }
}
