namespace Ledger.Contracts.Authorities;

/// <summary>What <c>profilesOf(actor, issuer)</c> returns: what a permit operation checks, in one call.</summary>
/// <param name="ActorCountry">The acting account's country.</param>
/// <param name="ActorKind">Its kind.</param>
/// <param name="ActorStatus">Its status.</param>
/// <param name="IssuerCountry">The permit issuer's country.</param>
/// <param name="IssuerStatus">The issuer's status.</param>
public sealed record ActorIssuerProfiles(
    CountryBytes ActorCountry, AuthorityKind ActorKind, AuthorityStatus ActorStatus, CountryBytes IssuerCountry, AuthorityStatus IssuerStatus);
