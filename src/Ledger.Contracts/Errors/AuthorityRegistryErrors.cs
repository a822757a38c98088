// Generated from src/Ledger.Contracts/Artifacts/*.json by ErrorRecordGenerator
// (tests/Ledger.Contracts.Tests/Generation). Do not edit. After scripts/export-artifacts.sh, run
//   LEDGER_REGENERATE=1 dotnet test tests/Ledger.Contracts.Tests --filter Generated_error_records_match_the_artifacts

using Ledger.Core.Primitives;

namespace Ledger.Contracts.Errors;

// Errors only the AuthorityRegistry raises.

/// <summary>The account is, or was, a validator node address and cannot become an authority. Solidity: <c>AccountIsNode(address,address)</c>.</summary>
/// <param name="Account">The account being added.</param>
/// <param name="Holder">The issuer whose node it is or was.</param>
public sealed record AccountIsNode(Address Account, Address Holder)
    : ContractError("AccountIsNode(address,address)");

/// <summary>This issuer has already voted for the proposal. Solidity: <c>AlreadyVoted(uint256,address)</c>.</summary>
/// <param name="Id">The id.</param>
/// <param name="Voter">The voter.</param>
public sealed record AlreadyVoted(ulong Id, Address Voter)
    : ContractError("AlreadyVoted(uint256,address)");

/// <summary>The account is already an authority (accounts are never reused). Solidity: <c>AuthorityAlreadyExists(address,uint8)</c>.</summary>
/// <param name="Account">The account.</param>
/// <param name="Kind">Its existing kind.</param>
public sealed record AuthorityAlreadyExists(Address Account, AuthorityKind Kind)
    : ContractError("AuthorityAlreadyExists(address,uint8)");

/// <summary>A gateway URL must not be empty. Solidity: <c>EmptyGatewayUrl(address)</c>.</summary>
/// <param name="Account">The authority.</param>
public sealed record EmptyGatewayUrl(Address Account)
    : ContractError("EmptyGatewayUrl(address)");

/// <summary>The gateway URL is longer than the registry stores. Solidity: <c>GatewayUrlTooLong(address,uint256,uint256)</c>.</summary>
/// <param name="Account">The authority.</param>
/// <param name="Length">Its length in bytes.</param>
/// <param name="Max">The largest length accepted.</param>
public sealed record GatewayUrlTooLong(Address Account, ulong Length, ulong Max)
    : ContractError("GatewayUrlTooLong(address,uint256,uint256)");

/// <summary>The constructor arrays differ in length or are empty. Solidity: <c>InvalidFoundingIssuers(uint256,uint256,uint256,uint256)</c>.</summary>
/// <param name="Issuers">Length of the issuers array.</param>
/// <param name="Countries">Length of the countries array.</param>
/// <param name="Codes">Length of the codes array.</param>
/// <param name="Nodes">Length of the nodes array.</param>
public sealed record InvalidFoundingIssuers(ulong Issuers, ulong Countries, ulong Codes, ulong Nodes)
    : ContractError("InvalidFoundingIssuers(uint256,uint256,uint256,uint256)");

/// <summary>Suspending the last active issuer would leave nobody able to govern. Solidity: <c>LastActiveIssuer(address)</c>.</summary>
/// <param name="Account">The target.</param>
public sealed record LastActiveIssuer(Address Account)
    : ContractError("LastActiveIssuer(address)");

/// <summary>The node address belongs, or belonged, to an issuer: node addresses are never reused. Solidity: <c>NodeAlreadyUsed(address,address)</c>.</summary>
/// <param name="Node">The node address.</param>
/// <param name="Holder">The issuer that holds or held it.</param>
public sealed record NodeAlreadyUsed(Address Node, Address Holder)
    : ContractError("NodeAlreadyUsed(address,address)");

/// <summary>The node address is an authority account (or the account being admitted): block-signing keys are separate from authority keys. Solidity: <c>NodeIsAuthority(address)</c>.</summary>
/// <param name="Node">The node address.</param>
public sealed record NodeIsAuthority(Address Node)
    : ContractError("NodeIsAuthority(address)");

/// <summary>Votes suspend and reinstate only issuers and secretariats; agencies are managed by their own country's issuers. Solidity: <c>NotAGovernedKind(address,uint8)</c>.</summary>
/// <param name="Account">The target.</param>
/// <param name="Kind">Its kind.</param>
public sealed record NotAGovernedKind(Address Account, AuthorityKind Kind)
    : ContractError("NotAGovernedKind(address,uint8)");

/// <summary>Agencies designated by an issuer are Customs, ScientificAuthority or SingleWindow; issuers and secretariats join only by vote. Solidity: <c>NotAnAgencyKind(uint8)</c>.</summary>
/// <param name="Kind">The rejected kind.</param>
public sealed record NotAnAgencyKind(AuthorityKind Kind)
    : ContractError("NotAnAgencyKind(uint8)");

/// <summary>The issuer was admitted after the proposal opened and may not vote on it. Solidity: <c>NotEligibleToVote(uint256,address)</c>.</summary>
/// <param name="Id">The id.</param>
/// <param name="Voter">The voter.</param>
public sealed record NotEligibleToVote(ulong Id, Address Voter)
    : ContractError("NotEligibleToVote(uint256,address)");

/// <summary>Expired proposals that were closed cannot be closed again. Solidity: <c>ProposalAlreadyClosed(uint256)</c>.</summary>
/// <param name="Id">The id.</param>
public sealed record ProposalAlreadyClosed(ulong Id)
    : ContractError("ProposalAlreadyClosed(uint256)");

/// <summary>The proposal has already been executed. Solidity: <c>ProposalAlreadyExecuted(uint256)</c>.</summary>
/// <param name="Id">The id.</param>
public sealed record ProposalAlreadyExecuted(ulong Id)
    : ContractError("ProposalAlreadyExecuted(uint256)");

/// <summary>Another proposal about the same account is still open. Solidity: <c>ProposalAlreadyOpen(address,uint256)</c>.</summary>
/// <param name="Account">The target.</param>
/// <param name="Id">The open proposal.</param>
public sealed record ProposalAlreadyOpen(Address Account, ulong Id)
    : ContractError("ProposalAlreadyOpen(address,uint256)");

/// <summary>The voting period is over. Solidity: <c>ProposalExpired(uint256,uint40)</c>.</summary>
/// <param name="Id">The id.</param>
/// <param name="ExpiresAt">When it ended.</param>
public sealed record ProposalExpired(ulong Id, ulong ExpiresAt)
    : ContractError("ProposalExpired(uint256,uint40)");

/// <summary>Only expired proposals can be closed. Solidity: <c>ProposalNotExpired(uint256,uint40)</c>.</summary>
/// <param name="Id">The id.</param>
/// <param name="ExpiresAt">When voting ends.</param>
public sealed record ProposalNotExpired(ulong Id, ulong ExpiresAt)
    : ContractError("ProposalNotExpired(uint256,uint40)");

/// <summary>The authority already has the requested status. Solidity: <c>StatusUnchanged(address,uint8)</c>.</summary>
/// <param name="Account">The target.</param>
/// <param name="Status">Its current status.</param>
public sealed record StatusUnchanged(Address Account, AuthorityStatus Status)
    : ContractError("StatusUnchanged(address,uint8)");

/// <summary>The account is not an authority. Solidity: <c>UnknownAuthority(address)</c>.</summary>
/// <param name="Account">The account.</param>
public sealed record UnknownAuthority(Address Account)
    : ContractError("UnknownAuthority(address)");

/// <summary>No proposal has this id. Solidity: <c>UnknownProposal(uint256)</c>.</summary>
/// <param name="Id">The id.</param>
public sealed record UnknownProposal(ulong Id)
    : ContractError("UnknownProposal(uint256)");

/// <summary>The account is the zero address. Solidity: <c>ZeroAccount()</c>.</summary>
public sealed record ZeroAccount()
    : ContractError("ZeroAccount()");

/// <summary>A code must be non-zero so that every authority can be displayed. Solidity: <c>ZeroCode(address)</c>.</summary>
/// <param name="Account">The account being added.</param>
public sealed record ZeroCode(Address Account)
    : ContractError("ZeroCode(address)");

/// <summary>A certificate fingerprint must be non-zero: a zero value could never be pinned. Solidity: <c>ZeroFingerprint(address)</c>.</summary>
/// <param name="Account">The authority.</param>
public sealed record ZeroFingerprint(Address Account)
    : ContractError("ZeroFingerprint(address)");

/// <summary>A validator node address must be non-zero. Solidity: <c>ZeroNode()</c>.</summary>
public sealed record ZeroNode()
    : ContractError("ZeroNode()");
