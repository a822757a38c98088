// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {AuthorityRegistry} from "../../src/authority/AuthorityRegistry.sol";
import {AuthorityKind, AuthorityStatus, Proposal} from "../../src/authority/AuthorityTypes.sol";

/// @notice Deploys an AuthorityRegistry with n founding issuers (CH, DE, KE, FR, BR, ...),
/// founder i with validator node `_node(i)`.
abstract contract AuthorityFixture is Test {
    bytes2 internal constant CH = "CH";
    bytes2 internal constant DE = "DE";
    bytes2 internal constant KE = "KE";
    bytes2 internal constant FR = "FR";
    bytes2 internal constant BR = "BR";
    bytes2 internal constant VN = "VN";
    AuthorityRegistry internal registry;
    address[] internal founders;
    address[] internal founderNodes;

    function _deploy(uint256 n) internal {
        bytes2[6] memory pool = [CH, DE, KE, FR, BR, VN];
        founders = new address[](n);
        bytes2[] memory countries = new bytes2[](n);
        bytes32[] memory codes = new bytes32[](n);
        founderNodes = _nodes(n);
        for (uint256 i; i < n; ++i) {
            founders[i] = makeAddr(string.concat("issuer-", vm.toString(i)));
            countries[i] = pool[i];
            codes[i] = keccak256(abi.encode("issuer", i));
        }
        registry = new AuthorityRegistry(founders, countries, codes, founderNodes);
    }

    /// @dev Validator node addresses node-0 .. node-(n-1).
    function _nodes(uint256 n) internal returns (address[] memory nodes) {
        nodes = new address[](n);
        for (uint256 i; i < n; ++i) {
            nodes[i] = _node(i);
        }
    }

    function _node(uint256 i) internal returns (address) {
        return makeAddr(string.concat("node-", vm.toString(i)));
    }

    /// @dev Casts the votes of eligible active issuers, in the order they were added, until
    /// proposal `id` executes; fails the test if it never does.
    function _carry(uint256 id) internal {
        address[] memory all = registry.authorities();
        for (uint256 i; i < all.length && !registry.proposal(id).executed; ++i) {
            if (_canVote(all[i], id)) _vote(all[i], id);
        }
        assertTrue(registry.proposal(id).executed, "proposal not carried");
    }

    function _canVote(address voter, uint256 id) internal view returns (bool) {
        Proposal memory p = registry.proposal(id);
        (, AuthorityKind kind, AuthorityStatus status) = registry.profileOf(voter);
        return kind == AuthorityKind.Issuer && status == AuthorityStatus.Active && !registry.hasVoted(id, voter)
            && registry.authorityOf(voter).admissionSeq <= p.admissionSeqLimit;
    }

    /// @dev Admits `account` of `country` with validator `node` by a majority vote.
    function _admitByVote(address account, bytes2 country, address node) internal {
        vm.prank(_anyActiveIssuer());
        uint256 id = registry.proposeIssuer(account, country, "admitted", node);
        if (!registry.proposal(id).executed) _carry(id);
    }

    /// @dev Suspends (or reinstates) an issuer by a majority vote.
    function _setIssuerStatusByVote(address target, bool suspend) internal {
        vm.prank(_anyActiveIssuer());
        uint256 id = suspend ? registry.proposeSuspension(target) : registry.proposeReinstatement(target);
        if (!registry.proposal(id).executed) _carry(id);
    }

    function _anyActiveIssuer() internal view returns (address) {
        address[] memory all = registry.authorities();
        for (uint256 i; i < all.length; ++i) {
            (, AuthorityKind kind, AuthorityStatus status) = registry.profileOf(all[i]);
            if (kind == AuthorityKind.Issuer && status == AuthorityStatus.Active) return all[i];
        }
        revert("no active issuer");
    }

    function _vote(address voter, uint256 id) internal returns (bool executed) {
        vm.prank(voter);
        return registry.vote(id);
    }
}
