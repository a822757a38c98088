// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @notice What an authority is. The numeric values are a fixed convention shared with the
/// gateway and other off-chain code: never reorder.
enum AuthorityKind {
    None, // 0: not an authority
    Issuer, // 1: CITES Management Authority or plant-protection NPPO
    Customs, // 2: border control, records and confirms shipments
    ScientificAuthority, // 3: CITES Scientific Authority
    SingleWindow, // 4: national single-window operator
    Secretariat // 5: governance body (CITES / IPPC secretariat)
}

/// @notice Whether an authority may act. Fixed numeric convention: never reorder.
enum AuthorityStatus {
    None, // 0: unknown account
    Active, // 1
    Suspended // 2
}

/// @notice What the registry stores about one authority account (an issuer's validator node
/// and any authority's gateway are kept beside it, in their own mappings). Slot 0 holds the
/// fields a permit check needs (country, kind, status, admissionSeq); `code` sits alone in
/// slot 1 so that cheap checks never load it.
struct Authority {
    /// ISO 3166-1 alpha-2 country, fixed for the account's lifetime.
    bytes2 country;
    AuthorityKind kind;
    AuthorityStatus status;
    /// Position of this account in the sequence of issuer admissions (founders are 1..n);
    /// 0 for every non-issuer. A vote may only be cast by issuers admitted before it opened.
    uint32 admissionSeq;
    /// Display-name hash or short code chosen by whoever added the authority; opaque.
    bytes32 code;
}

/// @notice What a governance proposal does once a majority of issuers has voted for it.
enum ProposalAction {
    None, // 0: no such proposal
    AdmitIssuer, // 1
    AdmitSecretariat, // 2
    Suspend, // 3: suspend an issuer or secretariat
    Reinstate // 4: reinstate a suspended issuer or secretariat
}

/// @notice A governance proposal. Never deleted; `executed` flips once.
struct Proposal {
    ProposalAction action;
    /// The account the proposal is about.
    address target;
    /// Country of the authority to admit; zero for suspend/reinstate.
    bytes2 country;
    /// Voting closes at this unix time (exclusive): a vote at `expiresAt` is too late.
    uint40 expiresAt;
    uint32 votes;
    /// Strict majority of the active issuers counted when the proposal was made.
    uint32 requiredVotes;
    /// Issuers whose `admissionSeq` is at most this value may vote (they were issuers
    /// when the proposal was made).
    uint32 admissionSeqLimit;
    bool executed;
    address proposer;
    /// Code of the authority to admit; zero for suspend/reinstate.
    bytes32 code;
    /// Validator node of the issuer to admit; zero for every other action.
    address node;
}
