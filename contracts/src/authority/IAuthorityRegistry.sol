// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Authority, AuthorityKind, AuthorityStatus, Proposal, ProposalAction} from "./AuthorityTypes.sol";
import {IAuthorityChecks} from "./IAuthorityChecks.sol";
import {IGatewayDirectory} from "./IGatewayDirectory.sol";
import {IValidatorSet} from "./IValidatorSet.sol";

/// @title IAuthorityRegistry
/// @notice Directory of the authorities of a Permit Ledger network and their governance.
/// Issuers join, are suspended and are reinstated by a strict-majority vote of the active
/// issuers; an active issuer manages its own country's agencies (customs, scientific
/// authority, single window) directly. Every issuer brings a validator node: the active
/// issuers' nodes are the chain's validators ({IValidatorSet}). Each authority's gateway is
/// published here ({IGatewayDirectory}).
interface IAuthorityRegistry is IAuthorityChecks, IValidatorSet, IGatewayDirectory {
    // ----------------------------------------------------------------------------- events

    /// @notice A new authority exists.
    /// @param account The authority's account.
    /// @param actor The issuer that designated it, the voter whose vote executed its
    /// admission, or address(0) for founders set at deployment.
    /// @param kind Its kind.
    /// @param country Its country.
    /// @param code Its display-name hash or short code.
    event AuthorityDesignated(
        address indexed account, address indexed actor, AuthorityKind indexed kind, bytes2 country, bytes32 code
    );

    /// @notice An authority was suspended or reinstated.
    /// @param account The authority's account.
    /// @param actor The issuer that changed an agency's status, or the voter whose vote executed the proposal.
    /// @param status The new status.
    event AuthorityStatusChanged(address indexed account, address indexed actor, AuthorityStatus status);

    /// @notice A governance proposal was opened; the proposer's vote is already counted.
    /// @param id Proposal id (starts at 1).
    /// @param proposer The proposing issuer.
    /// @param target The account the proposal is about.
    /// @param action What it does.
    /// @param country Country of the authority to admit (zero otherwise).
    /// @param code Code of the authority to admit (zero otherwise).
    /// @param node Validator node of the issuer to admit (zero otherwise).
    /// @param expiresAt Votes are accepted strictly before this unix time.
    /// @param requiredVotes Votes needed: strict majority of the active issuers now.
    event ProposalCreated(
        uint256 indexed id,
        address indexed proposer,
        address indexed target,
        ProposalAction action,
        bytes2 country,
        bytes32 code,
        address node,
        uint40 expiresAt,
        uint32 requiredVotes
    );

    /// @notice An issuer voted for a proposal.
    /// @param id Proposal id.
    /// @param voter The voting issuer.
    /// @param votes Votes counted so far, this one included.
    /// @param requiredVotes Votes needed.
    event ProposalVoted(uint256 indexed id, address indexed voter, uint32 votes, uint32 requiredVotes);

    /// @notice A proposal reached its majority and was carried out.
    /// @param id Proposal id.
    /// @param executor The issuer whose vote completed the majority.
    event ProposalExecuted(uint256 indexed id, address indexed executor);

    /// @notice An expired proposal was taken off the pending list.
    /// @param id Proposal id.
    /// @param closer The issuer that closed it.
    event ProposalClosed(uint256 indexed id, address indexed closer);

    // ----------------------------------------------------------------------------- errors

    /// @notice The account is the zero address.
    error ZeroAccount();

    /// @notice A code must be non-zero so that every authority can be displayed.
    /// @param account The account being added.
    error ZeroCode(address account);

    /// @notice The constructor arrays differ in length or are empty.
    /// @param issuers Length of the issuers array.
    /// @param countries Length of the countries array.
    /// @param codes Length of the codes array.
    /// @param nodes Length of the nodes array.
    error InvalidFoundingIssuers(uint256 issuers, uint256 countries, uint256 codes, uint256 nodes);

    /// @notice The account is already an authority (accounts are never reused).
    /// @param account The account.
    /// @param kind Its existing kind.
    error AuthorityAlreadyExists(address account, AuthorityKind kind);

    /// @notice The account is not an authority.
    /// @param account The account.
    error UnknownAuthority(address account);

    /// @notice Agencies designated by an issuer are Customs, ScientificAuthority or
    /// SingleWindow; issuers and secretariats join only by vote.
    /// @param kind The rejected kind.
    error NotAnAgencyKind(AuthorityKind kind);

    /// @notice Votes suspend and reinstate only issuers and secretariats; agencies are
    /// managed by their own country's issuers.
    /// @param account The target.
    /// @param kind Its kind.
    error NotAGovernedKind(address account, AuthorityKind kind);

    /// @notice The authority already has the requested status.
    /// @param account The target.
    /// @param status Its current status.
    error StatusUnchanged(address account, AuthorityStatus status);

    /// @notice Suspending the last active issuer would leave nobody able to govern.
    /// @param account The target.
    error LastActiveIssuer(address account);

    /// @notice Another proposal about the same account is still open.
    /// @param account The target.
    /// @param id The open proposal.
    error ProposalAlreadyOpen(address account, uint256 id);

    /// @notice No proposal has this id.
    /// @param id The id.
    error UnknownProposal(uint256 id);

    /// @notice The proposal has already been executed.
    /// @param id The id.
    error ProposalAlreadyExecuted(uint256 id);

    /// @notice The voting period is over.
    /// @param id The id.
    /// @param expiresAt When it ended.
    error ProposalExpired(uint256 id, uint40 expiresAt);

    /// @notice Only expired proposals can be closed.
    /// @param id The id.
    /// @param expiresAt When voting ends.
    error ProposalNotExpired(uint256 id, uint40 expiresAt);

    /// @notice Expired proposals that were closed cannot be closed again.
    /// @param id The id.
    error ProposalAlreadyClosed(uint256 id);

    /// @notice This issuer has already voted for the proposal.
    /// @param id The id.
    /// @param voter The voter.
    error AlreadyVoted(uint256 id, address voter);

    /// @notice The issuer was admitted after the proposal opened and may not vote on it.
    /// @param id The id.
    /// @param voter The voter.
    error NotEligibleToVote(uint256 id, address voter);

    // ----------------------------------------------------------------------------- agencies

    /// @notice Adds an agency of the caller's country. Caller: an active Issuer.
    /// @param account The agency's account; must not be an authority yet, nor the target of an open proposal.
    /// @param kind Customs, ScientificAuthority or SingleWindow.
    /// @param code Non-zero display-name hash or short code.
    function designate(address account, AuthorityKind kind, bytes32 code) external;

    /// @notice Suspends an agency of the caller's country. Caller: an active Issuer of the same country.
    /// @param account The agency to suspend; must be active.
    function suspendAgency(address account) external;

    /// @notice Reinstates a suspended agency of the caller's country. Caller: an active Issuer of the same country.
    /// @param account The agency to reinstate; must be suspended.
    function reinstateAgency(address account) external;

    // ----------------------------------------------------------------------------- governance

    /// @notice Proposes admitting a new issuer and, with it, its validator node; the proposer's
    /// vote counts immediately. Caller: an active Issuer.
    /// @param account The future issuer's account (not yet an authority).
    /// @param country Its ISO 3166-1 alpha-2 country.
    /// @param code Non-zero display-name hash or short code.
    /// @param node Its validator node address: non-zero, never used as a node, not an authority
    /// account and not `account` itself.
    /// @return id The proposal id.
    function proposeIssuer(address account, bytes2 country, bytes32 code, address node) external returns (uint256 id);

    /// @notice Proposes admitting a secretariat (governance observer, never an issuer).
    /// Caller: an active Issuer.
    /// @param account The secretariat's account (not yet an authority).
    /// @param country Country of its seat.
    /// @param code Non-zero display-name hash or short code.
    /// @return id The proposal id.
    function proposeSecretariat(address account, bytes2 country, bytes32 code) external returns (uint256 id);

    /// @notice Proposes suspending an active issuer or secretariat. Caller: an active Issuer.
    /// @param account The target.
    /// @return id The proposal id.
    function proposeSuspension(address account) external returns (uint256 id);

    /// @notice Proposes reinstating a suspended issuer or secretariat. Caller: an active Issuer.
    /// @param account The target.
    /// @return id The proposal id.
    function proposeReinstatement(address account) external returns (uint256 id);

    /// @notice Votes for a proposal and executes it in the same call once the majority is
    /// reached. Caller: an active Issuer admitted before the proposal opened, voting once.
    /// @param id The proposal id.
    /// @return executed True when this vote carried out the proposal.
    function vote(uint256 id) external returns (bool executed);

    /// @notice Removes an expired, unexecuted proposal from the pending list so its target
    /// can be proposed again. Caller: an active Issuer.
    /// @param id The proposal id.
    function closeExpired(uint256 id) external;

    // ----------------------------------------------------------------------------- views

    /// @notice Full record of an account (all-zero when unknown).
    /// @param account The account.
    /// @return The stored authority.
    function authorityOf(address account) external view returns (Authority memory);

    /// @notice Country, kind and status of an account, from one storage slot (all zero
    /// when unknown). Flat values rather than a struct keep the call cheap.
    /// @param account The account.
    /// @return country Its country.
    /// @return kind Its kind.
    /// @return status Its status.
    function profileOf(address account)
        external
        view
        returns (bytes2 country, AuthorityKind kind, AuthorityStatus status);

    /// @notice What a permit operation needs in one call: the acting account's country,
    /// kind and status, and the permit issuer's country and status.
    /// @param actor The account performing the action.
    /// @param issuer The permit's issuer.
    /// @return actorCountry The actor's country.
    /// @return actorKind The actor's kind.
    /// @return actorStatus The actor's status.
    /// @return issuerCountry The issuer's country.
    /// @return issuerStatus The issuer's status.
    function profilesOf(address actor, address issuer)
        external
        view
        returns (
            bytes2 actorCountry,
            AuthorityKind actorKind,
            AuthorityStatus actorStatus,
            bytes2 issuerCountry,
            AuthorityStatus issuerStatus
        );

    /// @notice Whether `account` is an active authority of exactly `kind` and `country`.
    /// @param account The account.
    /// @param kind The kind.
    /// @param country The country.
    /// @return True when all three match and the status is Active.
    function isActive(address account, AuthorityKind kind, bytes2 country) external view returns (bool);

    /// @notice Number of active issuers (the voting population).
    /// @return The count.
    function activeIssuerCount() external view returns (uint256);

    /// @notice Number of authorities ever added (none is ever removed).
    /// @return The count.
    function authorityCount() external view returns (uint256);

    /// @notice All authority accounts in the order they were added.
    /// @return The accounts.
    function authorities() external view returns (address[] memory);

    /// @notice A page of authority accounts in the order they were added.
    /// @param offset Index of the first account to return.
    /// @param limit Maximum number of accounts to return.
    /// @return page Up to `limit` accounts from `offset` (empty past the end).
    function authoritiesPage(uint256 offset, uint256 limit) external view returns (address[] memory page);

    /// @notice Ids of proposals that are neither executed nor closed, expired ones included
    /// until someone calls {closeExpired}.
    /// @return The ids, in no particular order.
    function pendingProposalIds() external view returns (uint256[] memory);

    /// @notice A proposal by id (all-zero when unknown).
    /// @param id The proposal id.
    /// @return The proposal.
    function proposal(uint256 id) external view returns (Proposal memory);

    /// @notice Number of proposals ever made; ids run from 1 to this number.
    /// @return The count.
    function proposalCount() external view returns (uint256);

    /// @notice Whether `voter` has voted for proposal `id`.
    /// @param id The proposal id.
    /// @param voter The issuer.
    /// @return True when the vote was cast.
    function hasVoted(uint256 id, address voter) external view returns (bool);
}
