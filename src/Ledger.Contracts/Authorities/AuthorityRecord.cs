using Ledger.Core.Primitives;

namespace Ledger.Contracts.Authorities;

/// <summary>What <c>authorityOf(account)</c> returns: the stored authority (all zero when unknown).</summary>
/// <param name="Country">Its country, fixed for the account's lifetime.</param>
/// <param name="Kind">Its kind; <see cref="AuthorityKind.None"/> for an unknown account.</param>
/// <param name="Status">Its status.</param>
/// <param name="AdmissionSeq">Position among issuer admissions (founders 1..n); 0 for non-issuers.</param>
/// <param name="Code">Display-name hash or short code (see <see cref="AuthorityCode"/>).</param>
public sealed record AuthorityRecord(CountryBytes Country, AuthorityKind Kind, AuthorityStatus Status, uint AdmissionSeq, Bytes32 Code)
{
    /// <summary>True when the account is an authority at all.</summary>
    public bool IsKnown => Kind != AuthorityKind.None;
}
