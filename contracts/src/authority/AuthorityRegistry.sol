// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {AuthorityDirectory} from "./AuthorityDirectory.sol";
import {Authority, AuthorityKind, AuthorityStatus, Proposal, ProposalAction} from "./AuthorityTypes.sol";
import {GatewayDirectory} from "./GatewayDirectory.sol";
import {IAuthorityRegistry} from "./IAuthorityRegistry.sol";
import {ValidatorSet} from "./ValidatorSet.sol";

/// @title AuthorityRegistry
/// @notice Who may act on the Permit Ledger. Founding issuers are set at deployment; later
/// issuers and secretariats are admitted, suspended and reinstated by a strict majority of
/// the active issuers. Admitting an issuer admits its validator node; suspending it removes
/// the node from the validators, reinstating it restores the node.
/// @dev Majority rule: a proposal snapshots, when it is made, the number of active issuers N
/// and needs floor(N/2)+1 votes. The proposer's vote counts at once, so with one issuer a
/// proposal executes immediately. Voters must be active when they vote and must have been
/// admitted before the proposal opened (admission sequence number), so issuers admitted
/// later can neither vote on it nor shift its quorum. Proposals expire after
/// {PROPOSAL_LIFETIME}; at most one proposal per target account is open at a time.
/// There are no calls to other contracts, so reentrancy cannot occur.
contract AuthorityRegistry is ValidatorSet, GatewayDirectory {
    using EnumerableSet for EnumerableSet.UintSet;

    /// @notice How long a proposal accepts votes.
    uint40 public constant PROPOSAL_LIFETIME = 7 days;

    mapping(uint256 id => Proposal) private _proposals;
    mapping(uint256 id => mapping(address voter => bool)) private _voted;
    /// Latest proposal about each account; "open" while pending and not expired.
    mapping(address account => uint256 id) private _latestProposalOf;
    EnumerableSet.UintSet private _pending;
    uint256 private _proposalCount;

    /// @notice Deploys the registry with its founding issuers, all active, and their nodes as
    /// the first validators.
    /// @param issuers Founding issuer accounts (at least one, no duplicates, non-zero).
    /// @param countries Their ISO 3166-1 alpha-2 countries, same order.
    /// @param codes Their non-zero codes, same order.
    /// @param nodes Their validator node addresses, same order: non-zero, distinct, none of
    /// them an issuer account.
    constructor(
        address[] memory issuers,
        bytes2[] memory countries,
        bytes32[] memory codes,
        address[] memory nodes
    ) {
        uint256 n = issuers.length;
        if (n == 0 || countries.length != n || codes.length != n || nodes.length != n) {
            revert InvalidFoundingIssuers(n, countries.length, codes.length, nodes.length);
        }
        for (uint256 i; i < n; ++i) {
            _add(issuers[i], AuthorityKind.Issuer, countries[i], codes[i], address(0));
            _assignNode(issuers[i], nodes[i], address(0));
        }
        _reportFaultTolerance(0);
    }

    // ----------------------------------------------------------------------------- proposals

    /// @inheritdoc IAuthorityRegistry
    function proposeIssuer(address account, bytes2 country, bytes32 code, address node)
        external
        returns (uint256 id)
    {
        return _propose(ProposalAction.AdmitIssuer, account, country, code, node);
    }

    /// @inheritdoc IAuthorityRegistry
    function proposeSecretariat(address account, bytes2 country, bytes32 code) external returns (uint256 id) {
        return _propose(ProposalAction.AdmitSecretariat, account, country, code, address(0));
    }

    /// @inheritdoc IAuthorityRegistry
    function proposeSuspension(address account) external returns (uint256 id) {
        return _propose(ProposalAction.Suspend, account, bytes2(0), bytes32(0), address(0));
    }

    /// @inheritdoc IAuthorityRegistry
    function proposeReinstatement(address account) external returns (uint256 id) {
        return _propose(ProposalAction.Reinstate, account, bytes2(0), bytes32(0), address(0));
    }

    /// @inheritdoc IAuthorityRegistry
    function vote(uint256 id) external returns (bool executed) {
        _requireActiveIssuer(msg.sender);
        Proposal storage p = _openProposal(id);
        uint32 voterSeq = _authority(msg.sender).admissionSeq;
        if (voterSeq > p.admissionSeqLimit) revert NotEligibleToVote(id, msg.sender);
        if (_voted[id][msg.sender]) revert AlreadyVoted(id, msg.sender);
        return _countVote(id, p);
    }

    /// @inheritdoc IAuthorityRegistry
    function closeExpired(uint256 id) external {
        _requireActiveIssuer(msg.sender);
        Proposal storage p = _proposals[id];
        if (p.action == ProposalAction.None) revert UnknownProposal(id);
        if (p.executed) revert ProposalAlreadyExecuted(id);
        if (!_isExpired(p)) revert ProposalNotExpired(id, p.expiresAt);
        if (!_pending.contains(id)) revert ProposalAlreadyClosed(id);
        _close(id);
    }

    // ----------------------------------------------------------------------------- views

    /// @inheritdoc IAuthorityRegistry
    function pendingProposalIds() external view returns (uint256[] memory) {
        return _pending.values();
    }

    /// @inheritdoc IAuthorityRegistry
    function proposal(uint256 id) external view returns (Proposal memory) {
        return _proposals[id];
    }

    /// @inheritdoc IAuthorityRegistry
    function proposalCount() external view returns (uint256) {
        return _proposalCount;
    }

    /// @inheritdoc IAuthorityRegistry
    function hasVoted(uint256 id, address voter) external view returns (bool) {
        return _voted[id][voter];
    }

    // ----------------------------------------------------------------------------- internals

    function _propose(ProposalAction action, address target, bytes2 country, bytes32 code, address node)
        private
        returns (uint256 id)
    {
        _requireActiveIssuer(msg.sender);
        _requireExecutable(action, target, country, code, node);
        _requireNoOpenProposal(target);
        uint256 previous = _latestProposalOf[target];
        // An expired proposal about the same target is superseded: close it on the way.
        if (_pending.contains(previous)) _close(previous);

        id = ++_proposalCount;
        uint40 expiresAt = uint40(block.timestamp) + PROPOSAL_LIFETIME;
        uint32 required = uint32(activeIssuerCount() / 2 + 1);
        _proposals[id] = Proposal({
            action: action,
            target: target,
            country: country,
            expiresAt: expiresAt,
            votes: 0,
            requiredVotes: required,
            admissionSeqLimit: _admissionSeq,
            executed: false,
            proposer: msg.sender,
            code: code,
            node: node
        });
        _latestProposalOf[target] = id;
        _pending.add(id);
        emit ProposalCreated(id, msg.sender, target, action, country, code, node, expiresAt, required);
        _countVote(id, _proposals[id]);
    }

    /// @dev Records msg.sender's vote and executes the proposal when it reaches its majority.
    function _countVote(uint256 id, Proposal storage p) private returns (bool executed) {
        _voted[id][msg.sender] = true;
        uint32 votes = ++p.votes;
        emit ProposalVoted(id, msg.sender, votes, p.requiredVotes);
        if (votes < p.requiredVotes) return false;

        p.executed = true;
        _pending.remove(id);
        if (p.action == ProposalAction.AdmitIssuer) {
            _add(p.target, AuthorityKind.Issuer, p.country, p.code, msg.sender);
            _admitNode(p.target, p.node, msg.sender);
        } else if (p.action == ProposalAction.AdmitSecretariat) {
            _add(p.target, AuthorityKind.Secretariat, p.country, p.code, msg.sender);
        } else if (p.action == ProposalAction.Suspend) {
            _setStatus(p.target, AuthorityStatus.Suspended, msg.sender);
        } else {
            _setStatus(p.target, AuthorityStatus.Active, msg.sender);
        }
        emit ProposalExecuted(id, msg.sender);
        return true;
    }

    /// @dev Returns a proposal that exists, is not executed and has not expired.
    function _openProposal(uint256 id) private view returns (Proposal storage p) {
        p = _proposals[id];
        if (p.action == ProposalAction.None) revert UnknownProposal(id);
        if (p.executed) revert ProposalAlreadyExecuted(id);
        if (_isExpired(p)) revert ProposalExpired(id, p.expiresAt);
        if (!_pending.contains(id)) revert ProposalAlreadyClosed(id);
    }

    /// @dev Block time is set by the validators, who are the network's own authorities
    /// (QBFT), and a proposal lives for days: seconds of drift cannot change an outcome.
    function _isExpired(Proposal storage p) private view returns (bool) {
        // forge-lint: disable-next-line(block-timestamp)
        return block.timestamp >= p.expiresAt;
    }

    function _close(uint256 id) private {
        _pending.remove(id);
        emit ProposalClosed(id, msg.sender);
    }

    /// @dev Checks at proposal time what execution will need, so nobody votes for something
    /// that cannot be carried out (execution checks again: state may change meanwhile).
    /// Only issuers and secretariats are governed by vote; agencies by their own issuers.
    function _requireExecutable(ProposalAction action, address target, bytes2 country, bytes32 code, address node)
        private
        view
    {
        Authority storage a = _authority(target);
        if (action == ProposalAction.AdmitIssuer || action == ProposalAction.AdmitSecretariat) {
            _requireAddable(target, a.kind, country, code);
            if (action == ProposalAction.AdmitIssuer) _requireNodeAssignable(node, target);
            return;
        }
        if (a.kind == AuthorityKind.None) revert UnknownAuthority(target);
        if (a.kind != AuthorityKind.Issuer && a.kind != AuthorityKind.Secretariat) {
            revert NotAGovernedKind(target, a.kind);
        }
        AuthorityStatus wanted = action == ProposalAction.Suspend ? AuthorityStatus.Suspended : AuthorityStatus.Active;
        if (a.status == wanted) revert StatusUnchanged(target, wanted);
    }

    /// @inheritdoc AuthorityDirectory
    function _requireNoOpenProposal(address account) internal view override {
        uint256 id = _latestProposalOf[account];
        if (id != 0 && _pending.contains(id) && !_isExpired(_proposals[id])) {
            revert ProposalAlreadyOpen(account, id);
        }
    }
}
