// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {AuthorityRegistry} from "../../src/authority/AuthorityRegistry.sol";
import {AuthorityKind, ProposalAction} from "../../src/authority/AuthorityTypes.sol";

/// @notice Drives the governance of a network like its issuers would: admissions with new
/// validator nodes, suspensions, reinstatements, votes, node rotations, agency designations
/// and the passing of time. Proposers, voters, targets and node addresses are picked at
/// random, and node and account addresses often collide with ones already in use, so many
/// calls are (rightly) refused.
/// @dev The ghost is built only from calls that succeeded and from the handler's own record
/// of what each proposal it opened does, never by reading the registry back.
contract GovernanceHandler is Test {
    AuthorityRegistry public immutable registry;

    struct GhostProposal {
        ProposalAction action;
        address target;
        address node;
    }

    /// Every issuer ever admitted, founders first.
    address[] public ghostIssuers;
    mapping(address account => bool) public ghostActive;
    mapping(address account => address) public ghostNode;
    /// Every account ever added (issuers, agencies) and every node ever assigned.
    mapping(address account => bool) public ghostIsAuthority;
    mapping(address node => bool) public ghostIsNode;
    /// Addresses handed out so far, for collisions: accounts and nodes alike.
    address[] internal _used;
    uint256[] internal _proposalIds;
    mapping(uint256 id => GhostProposal) internal _proposals;

    /// A successful call assigned a node that was already used, or that is an authority, or
    /// added an authority whose account is a node: must stay zero.
    uint256 public ghostUniquenessViolations;

    uint256 public admissions;
    uint256 public suspensions;
    uint256 public reinstatements;
    uint256 public rotations;
    uint256 public refusals;
    uint256 internal _fresh;

    constructor(AuthorityRegistry registry_, address[] memory founders, address[] memory nodes) {
        registry = registry_;
        for (uint256 i; i < founders.length; ++i) {
            _recordAuthority(founders[i]);
            _assignNode(founders[i], nodes[i]);
            ghostIssuers.push(founders[i]);
            ghostActive[founders[i]] = true;
        }
    }

    // ------------------------------------------------------------------ actions

    function proposeIssuer(uint256 proposerSeed, uint256 accountSeed, uint256 nodeSeed) external {
        address proposer = _issuer(proposerSeed);
        address account = _pick(accountSeed, "candidate");
        address node = _pick(nodeSeed, "node");
        vm.prank(proposer);
        try registry.proposeIssuer(account, "FR", "candidate", node) returns (uint256 id) {
            _opened(id, ProposalAction.AdmitIssuer, account, node);
        } catch {
            ++refusals;
        }
    }

    function proposeSuspension(uint256 proposerSeed, uint256 targetSeed) external {
        address target = _issuerPreferring(targetSeed, true);
        vm.prank(_issuer(proposerSeed));
        try registry.proposeSuspension(target) returns (uint256 id) {
            _opened(id, ProposalAction.Suspend, target, address(0));
        } catch {
            ++refusals;
        }
    }

    function proposeReinstatement(uint256 proposerSeed, uint256 targetSeed) external {
        address target = _issuerPreferring(targetSeed, false);
        vm.prank(_issuer(proposerSeed));
        try registry.proposeReinstatement(target) returns (uint256 id) {
            _opened(id, ProposalAction.Reinstate, target, address(0));
        } catch {
            ++refusals;
        }
    }

    /// Proposes suspending an active issuer (or reinstating a suspended one) and has every
    /// issuer vote at once: suspensions down to the last validator and back.
    function toggleIssuerByVote(uint256 proposerSeed, uint256 targetSeed) external {
        address target = _issuer(targetSeed);
        bool suspend = ghostActive[target];
        vm.prank(_issuer(proposerSeed));
        if (suspend) {
            try registry.proposeSuspension(target) returns (uint256 id) {
                _opened(id, ProposalAction.Suspend, target, address(0));
                _voteByAll(id);
            } catch {
                ++refusals;
            }
        } else {
            try registry.proposeReinstatement(target) returns (uint256 id) {
                _opened(id, ProposalAction.Reinstate, target, address(0));
                _voteByAll(id);
            } catch {
                ++refusals;
            }
        }
    }

    /// Votes on one of the three latest proposals, so that majorities are often reached.
    function vote(uint256 voterSeed, uint256 proposalSeed) external {
        if (_proposalIds.length == 0) return;
        uint256 id = _latestProposal(proposalSeed);
        vm.prank(_issuer(voterSeed));
        try registry.vote(id) returns (bool executed) {
            if (executed) _execute(id);
        } catch {
            ++refusals;
        }
    }

    /// Every issuer in turn votes on one of the latest proposals, as when a network agrees.
    function voteByAll(uint256 proposalSeed) external {
        if (_proposalIds.length == 0) return;
        _voteByAll(_latestProposal(proposalSeed));
    }

    function rotateNode(uint256 issuerSeed, uint256 nodeSeed) external {
        address issuer = _issuer(issuerSeed);
        address node = _pick(nodeSeed, "node");
        vm.prank(issuer);
        try registry.rotateNode(node) {
            _assignNode(issuer, node);
            ++rotations;
        } catch {
            ++refusals;
        }
    }

    /// An issuer designates customs, sometimes on an address that is already a node.
    function designate(uint256 issuerSeed, uint256 accountSeed) external {
        address account = _pick(accountSeed, "customs");
        vm.prank(_issuer(issuerSeed));
        try registry.designate(account, AuthorityKind.Customs, "customs") {
            _recordAuthority(account);
        } catch {
            ++refusals;
        }
    }

    /// Lets proposals expire now and then (lifetime 7 days).
    function warp(uint256 seed) external {
        vm.warp(block.timestamp + 1 hours + seed % 3 days);
    }

    // ------------------------------------------------------------------ ghost views

    function ghostIssuerCount() external view returns (uint256) {
        return ghostIssuers.length;
    }

    // ------------------------------------------------------------------ internals

    function _voteByAll(uint256 id) private {
        for (uint256 i; i < ghostIssuers.length; ++i) {
            vm.prank(ghostIssuers[i]);
            try registry.vote(id) returns (bool executed) {
                if (!executed) continue;
                _execute(id);
                return;
            } catch {} // already voted, not eligible, suspended, executed or expired
        }
    }

    function _opened(uint256 id, ProposalAction action, address target, address node) private {
        _proposals[id] = GhostProposal(action, target, node);
        _proposalIds.push(id);
        // With one active issuer the proposer's own vote is the majority.
        if (registry.proposal(id).executed) _execute(id);
    }

    function _execute(uint256 id) private {
        GhostProposal memory p = _proposals[id];
        if (p.action == ProposalAction.AdmitIssuer) {
            _recordAuthority(p.target);
            _assignNode(p.target, p.node);
            ghostIssuers.push(p.target);
            ghostActive[p.target] = true;
            ++admissions;
        } else if (p.action == ProposalAction.Suspend) {
            ghostActive[p.target] = false;
            ++suspensions;
        } else {
            ghostActive[p.target] = true;
            ++reinstatements;
        }
    }

    function _assignNode(address account, address node) private {
        if (ghostIsNode[node] || ghostIsAuthority[node]) ++ghostUniquenessViolations;
        ghostIsNode[node] = true;
        ghostNode[account] = node;
        _used.push(node);
    }

    function _recordAuthority(address account) private {
        if (ghostIsNode[account] || ghostIsAuthority[account]) ++ghostUniquenessViolations;
        ghostIsAuthority[account] = true;
        _used.push(account);
    }

    /// @dev One of the three latest proposals the handler opened.
    function _latestProposal(uint256 seed) private view returns (uint256) {
        uint256 n = _proposalIds.length;
        return _proposalIds[n - 1 - seed % (n < 3 ? n : 3)];
    }

    function _issuer(uint256 seed) private view returns (address) {
        return ghostIssuers[seed % ghostIssuers.length];
    }

    /// @dev Three times in four an issuer that the ghost holds `active` (if any), else any issuer.
    function _issuerPreferring(uint256 seed, bool active) private view returns (address) {
        uint256 n = ghostIssuers.length;
        if (seed % 4 != 0) {
            for (uint256 i; i < n; ++i) {
                address candidate = ghostIssuers[(seed / 4 + i) % n];
                if (ghostActive[candidate] == active) return candidate;
            }
        }
        return _issuer(seed / 4);
    }

    /// @dev One time in three an address already in use (account or node), else a fresh one.
    function _pick(uint256 seed, string memory prefix) private returns (address) {
        if (seed % 3 == 0) return _used[(seed / 3) % _used.length];
        return makeAddr(string.concat(prefix, "-", vm.toString(++_fresh)));
    }
}
