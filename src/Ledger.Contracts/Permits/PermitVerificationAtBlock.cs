namespace Ledger.Contracts.Permits;

/// <summary>
/// What <c>verifyAtHead(key)</c> returns: the verification, the issuer's status it was judged
/// with and the block both were read in, so that a caller needs no second call pinned to that block.
/// </summary>
/// <param name="Verification">Exactly what <c>verify(key)</c> returns in that block.</param>
/// <param name="IssuerStatus">The issuer's status in that block (<see cref="AuthorityStatus.None"/> for an unknown permit).</param>
/// <param name="BlockNumber">The block the call ran in.</param>
public sealed record PermitVerificationAtBlock(PermitVerificationView Verification, AuthorityStatus IssuerStatus, ulong BlockNumber);
