using Ledger.Core.Primitives;

namespace Ledger.Contracts.Deployment;

/// <summary>An issuer set in the AuthorityRegistry's constructor, active from the first block.</summary>
/// <param name="Account">The issuer's account; non-zero, each founder once.</param>
/// <param name="Country">Its country (two letters A-Z).</param>
/// <param name="Code">Its non-zero display-name hash or short code (see <see cref="AuthorityCode.FromText"/>).</param>
/// <param name="Node">Its validator node (block-signing key, never an authority account), in getValidators() from block 0.</param>
public sealed record FoundingIssuer(Address Account, CountryBytes Country, Bytes32 Code, Address Node);
