using Ledger.Core.Primitives;

namespace Ledger.Contracts.Authorities;

/// <summary>What <c>proposal(id)</c> returns: a governance proposal (all zero when unknown).</summary>
/// <param name="Action">What it does; <see cref="ProposalAction.None"/> for an unknown id.</param>
/// <param name="Target">The account it is about.</param>
/// <param name="Country">Country of the authority to admit; zero for suspend and reinstate.</param>
/// <param name="ExpiresAt">Votes are accepted strictly before this unix time (seconds).</param>
/// <param name="Votes">Votes counted.</param>
/// <param name="RequiredVotes">Votes needed.</param>
/// <param name="AdmissionSeqLimit">Issuers with an admission sequence up to this may vote.</param>
/// <param name="Executed">True once carried out.</param>
/// <param name="Proposer">The issuer that opened it.</param>
/// <param name="Code">Code of the authority to admit; zero for suspend and reinstate.</param>
/// <param name="Node">Validator node of the issuer to admit; zero otherwise.</param>
public sealed record ProposalRecord(
    ProposalAction Action,
    Address Target,
    CountryBytes Country,
    ulong ExpiresAt,
    uint Votes,
    uint RequiredVotes,
    uint AdmissionSeqLimit,
    bool Executed,
    Address Proposer,
    Bytes32 Code,
    Address Node)
{
    /// <summary>True when a proposal has this id.</summary>
    public bool IsKnown => Action != ProposalAction.None;
}
