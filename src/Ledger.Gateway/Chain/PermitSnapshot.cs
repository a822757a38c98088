using Ledger.Core.Authorities;

namespace Ledger.Gateway.Chain;

/// <summary>A permit as the chain held it at one block, with its issuer's status at that block.</summary>
/// <param name="Permit">What verify returned.</param>
/// <param name="IssuerStatus">The issuer's status (None when the permit is unknown).</param>
/// <param name="BlockNumber">The block both reads were made at.</param>
internal sealed record PermitSnapshot(OnChainPermit Permit, AuthorityStatus IssuerStatus, ulong BlockNumber);
