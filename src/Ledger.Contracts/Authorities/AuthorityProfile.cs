namespace Ledger.Contracts.Authorities;

/// <summary>What <c>profileOf(account)</c> returns: the fields an authorisation check reads (all zero when unknown).</summary>
/// <param name="Country">The account's country.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Status">Its status.</param>
public sealed record AuthorityProfile(CountryBytes Country, AuthorityKind Kind, AuthorityStatus Status)
{
    /// <summary>True when the account is a registered authority (of any status).</summary>
    public bool Exists => Kind != AuthorityKind.None;
}
