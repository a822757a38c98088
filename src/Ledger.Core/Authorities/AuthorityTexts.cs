namespace Ledger.Core.Authorities;

/// <summary>Human names for authority kinds and statuses.</summary>
public static class AuthorityTexts
{
    /// <summary>E.g. "issuing authority (CITES Management Authority or NPPO)".</summary>
    public static string Describe(AuthorityKind kind) => kind switch
    {
        AuthorityKind.None => "not an authority",
        AuthorityKind.Issuer => "issuing authority (CITES Management Authority or NPPO)",
        AuthorityKind.Customs => "customs",
        AuthorityKind.ScientificAuthority => "CITES Scientific Authority",
        AuthorityKind.SingleWindow => "single-window operator",
        AuthorityKind.Secretariat => "secretariat",
        _ => $"authority kind {(byte)kind}",
    };

    /// <summary>"not registered", "active" or "suspended".</summary>
    public static string Describe(AuthorityStatus status) => status switch
    {
        AuthorityStatus.None => "not registered",
        AuthorityStatus.Active => "active",
        AuthorityStatus.Suspended => "suspended",
        _ => $"authority status {(byte)status}",
    };
}
