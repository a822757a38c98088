using Ledger.Core.Primitives;
using Ledger.Core.Authorities;
using Ledger.Core.Countries;

namespace Ledger.Gateway.Chain;

/// <summary>An account's country, kind and status as the AuthorityRegistry holds them (kind None: not an authority).</summary>
/// <param name="Account">The account.</param>
/// <param name="Country">Its country, or null when it is not an authority.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Status">Its status.</param>
internal sealed record AuthorityProfile(Address Account, CountryCode? Country, AuthorityKind Kind, AuthorityStatus Status)
{
    /// <summary>True when the account is a registered authority.</summary>
    public bool Exists => Kind != AuthorityKind.None;
}
