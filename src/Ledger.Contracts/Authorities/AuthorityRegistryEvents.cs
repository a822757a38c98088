using Ledger.Core.Primitives;
using Ledger.Contracts.Binding;
using Nethereum.RPC.Eth.DTOs;

namespace Ledger.Contracts.Authorities;

/// <summary><c>AuthorityDesignated</c>: a new authority exists.</summary>
/// <param name="Log">Where it was emitted.</param>
/// <param name="Account">The authority's account (indexed).</param>
/// <param name="Actor">The issuer that designated it, the voter whose vote admitted it, or zero for founders (indexed).</param>
/// <param name="Kind">Its kind (indexed).</param>
/// <param name="Country">Its country.</param>
/// <param name="Code">Its display-name hash or short code.</param>
public sealed record AuthorityDesignated(LogPosition Log, Address Account, Address Actor, AuthorityKind Kind, CountryBytes Country, Bytes32 Code)
    : ContractEvent(Log);

/// <summary><c>AuthorityStatusChanged</c>: an authority was suspended or reinstated.</summary>
/// <param name="Log">Where it was emitted.</param>
/// <param name="Account">The authority (indexed).</param>
/// <param name="Actor">The issuer that changed an agency's status, or the voter whose vote executed the proposal (indexed).</param>
/// <param name="Status">The new status.</param>
public sealed record AuthorityStatusChanged(LogPosition Log, Address Account, Address Actor, AuthorityStatus Status) : ContractEvent(Log);

/// <summary><c>ProposalCreated</c>: a governance proposal was opened; the proposer's vote already counts.</summary>
/// <param name="Log">Where it was emitted.</param>
/// <param name="Id">Proposal id, from 1 (indexed).</param>
/// <param name="Proposer">The proposing issuer (indexed).</param>
/// <param name="Target">The account the proposal is about (indexed).</param>
/// <param name="Action">What it does.</param>
/// <param name="Country">Country of the authority to admit; zero otherwise.</param>
/// <param name="Code">Code of the authority to admit; zero otherwise.</param>
/// <param name="Node">Validator node of the issuer to admit; zero otherwise.</param>
/// <param name="ExpiresAt">Votes are accepted strictly before this unix time (seconds).</param>
/// <param name="RequiredVotes">Votes needed: a strict majority of the active issuers when it opened.</param>
public sealed record ProposalCreated(LogPosition Log, ulong Id, Address Proposer, Address Target, ProposalAction Action, CountryBytes Country,
    Bytes32 Code, Address Node, ulong ExpiresAt, uint RequiredVotes) : ContractEvent(Log);

/// <summary><c>ProposalVoted</c>: an issuer voted for a proposal.</summary>
/// <param name="Log">Where it was emitted.</param>
/// <param name="Id">Proposal id (indexed).</param>
/// <param name="Voter">The voting issuer (indexed).</param>
/// <param name="Votes">Votes counted so far, this one included.</param>
/// <param name="RequiredVotes">Votes needed.</param>
public sealed record ProposalVoted(LogPosition Log, ulong Id, Address Voter, uint Votes, uint RequiredVotes) : ContractEvent(Log);

/// <summary><c>ProposalExecuted</c>: a proposal reached its majority and was carried out.</summary>
/// <param name="Log">Where it was emitted.</param>
/// <param name="Id">Proposal id (indexed).</param>
/// <param name="Executor">The issuer whose vote completed the majority (indexed).</param>
public sealed record ProposalExecuted(LogPosition Log, ulong Id, Address Executor) : ContractEvent(Log);

/// <summary><c>ProposalClosed</c>: an expired proposal was taken off the pending list.</summary>
/// <param name="Log">Where it was emitted.</param>
/// <param name="Id">Proposal id (indexed).</param>
/// <param name="Closer">The issuer that closed it (indexed).</param>
public sealed record ProposalClosed(LogPosition Log, ulong Id, Address Closer) : ContractEvent(Log);

/// <summary><c>ValidatorAdded</c>: a node joined the validator set (founding, admission, reinstatement or rotation).</summary>
/// <param name="Log">Where it was emitted.</param>
/// <param name="Node">The validator node (indexed).</param>
/// <param name="Account">Its issuer (indexed).</param>
/// <param name="Actor">Who caused it: the voter whose vote executed, the rotating issuer, or zero for founders (indexed).</param>
public sealed record ValidatorAdded(LogPosition Log, Address Node, Address Account, Address Actor) : ContractEvent(Log);

/// <summary><c>ValidatorRemoved</c>: a node left the validator set (suspension or rotation).</summary>
/// <param name="Log">Where it was emitted.</param>
/// <param name="Node">The validator node (indexed).</param>
/// <param name="Account">Its issuer (indexed).</param>
/// <param name="Actor">Who caused it (indexed).</param>
public sealed record ValidatorRemoved(LogPosition Log, Address Node, Address Account, Address Actor) : ContractEvent(Log);

/// <summary><c>FaultToleranceLost</c>: fewer than four validators remain, so QBFT tolerates no faulty one.</summary>
/// <param name="Log">Where it was emitted.</param>
/// <param name="Validators">How many remain.</param>
public sealed record FaultToleranceLost(LogPosition Log, ulong Validators) : ContractEvent(Log);

/// <summary><c>FaultToleranceRestored</c>: four or more validators again.</summary>
/// <param name="Log">Where it was emitted.</param>
/// <param name="Validators">How many there are.</param>
public sealed record FaultToleranceRestored(LogPosition Log, ulong Validators) : ContractEvent(Log);

/// <summary><c>GatewayPublished</c>: an authority's gateway URL and TLS certificate fingerprint were published.</summary>
/// <param name="Log">Where it was emitted.</param>
/// <param name="Account">The authority whose gateway it is (indexed).</param>
/// <param name="Actor">The issuer that published it (indexed).</param>
/// <param name="Url">Where the gateway answers.</param>
/// <param name="Fingerprint">SHA-256 of its TLS certificate.</param>
public sealed record GatewayPublished(LogPosition Log, Address Account, Address Actor, string Url, Bytes32 Fingerprint) : ContractEvent(Log);

/// <summary>Decodes the AuthorityRegistry's logs and names their topics for log filters.</summary>
public static class AuthorityRegistryEvents
{
    private static readonly EventTable Table = new(LedgerArtifacts.AuthorityRegistry, new Dictionary<string, Func<LogPosition, IReadOnlyList<object?>, ContractEvent>>
    {
        [nameof(AuthorityDesignated)] = (log, v) => new AuthorityDesignated(log,
            AbiValues.ToAddress(v[0]), AbiValues.ToAddress(v[1]), AbiValues.ToEnum<AuthorityKind>(v[2]), AbiValues.ToCountry(v[3]), AbiValues.ToBytes32(v[4])),
        [nameof(AuthorityStatusChanged)] = (log, v) => new AuthorityStatusChanged(log,
            AbiValues.ToAddress(v[0]), AbiValues.ToAddress(v[1]), AbiValues.ToEnum<AuthorityStatus>(v[2])),
        [nameof(ProposalCreated)] = (log, v) => new ProposalCreated(log,
            AbiValues.ToUInt64(v[0]), AbiValues.ToAddress(v[1]), AbiValues.ToAddress(v[2]), AbiValues.ToEnum<ProposalAction>(v[3]),
            AbiValues.ToCountry(v[4]), AbiValues.ToBytes32(v[5]), AbiValues.ToAddress(v[6]), AbiValues.ToUInt64(v[7]), AbiValues.ToUInt32(v[8])),
        [nameof(ProposalVoted)] = (log, v) => new ProposalVoted(log,
            AbiValues.ToUInt64(v[0]), AbiValues.ToAddress(v[1]), AbiValues.ToUInt32(v[2]), AbiValues.ToUInt32(v[3])),
        [nameof(ProposalExecuted)] = (log, v) => new ProposalExecuted(log, AbiValues.ToUInt64(v[0]), AbiValues.ToAddress(v[1])),
        [nameof(ProposalClosed)] = (log, v) => new ProposalClosed(log, AbiValues.ToUInt64(v[0]), AbiValues.ToAddress(v[1])),
        [nameof(ValidatorAdded)] = (log, v) => new ValidatorAdded(log, AbiValues.ToAddress(v[0]), AbiValues.ToAddress(v[1]), AbiValues.ToAddress(v[2])),
        [nameof(ValidatorRemoved)] = (log, v) => new ValidatorRemoved(log, AbiValues.ToAddress(v[0]), AbiValues.ToAddress(v[1]), AbiValues.ToAddress(v[2])),
        [nameof(FaultToleranceLost)] = (log, v) => new FaultToleranceLost(log, AbiValues.ToUInt64(v[0])),
        [nameof(FaultToleranceRestored)] = (log, v) => new FaultToleranceRestored(log, AbiValues.ToUInt64(v[0])),
        [nameof(GatewayPublished)] = (log, v) => new GatewayPublished(log, AbiValues.ToAddress(v[0]), AbiValues.ToAddress(v[1]), (string)v[2]!, AbiValues.ToBytes32(v[3])),
    });

    /// <summary>Topic 0 of every AuthorityRegistry event (a log filter's first position).</summary>
    public static IReadOnlyList<Bytes32> Topics => Table.Topics;

    /// <summary>Topic 0 of one event, by its Solidity name (e.g. <c>nameof(ProposalCreated)</c>).</summary>
    /// <exception cref="KeyNotFoundException">The contract has no such event.</exception>
    public static Bytes32 TopicOf(string eventName) => Table.TopicOf(eventName);

    /// <summary>
    /// The event a log holds, or null when it is not an AuthorityRegistry event (by topic 0
    /// and topic count; the emitting address is not checked here).
    /// </summary>
    /// <exception cref="FormatException">The log claims to be one of these events but its data does not decode.</exception>
    public static ContractEvent? TryDecode(FilterLog log) => Table.TryDecode(log);

    /// <summary>Topics (by position) matching every AuthorityRegistry event: for eth_getLogs.</summary>
    internal static IReadOnlyList<IReadOnlyList<Bytes32>?> AllEvents => [Topics];
}
