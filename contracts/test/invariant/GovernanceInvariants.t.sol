// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {console} from "forge-std/console.sol";
import {AuthorityRegistry} from "../../src/authority/AuthorityRegistry.sol";
import {AuthorityKind, AuthorityStatus} from "../../src/authority/AuthorityTypes.sol";
import {GovernanceHandler} from "./GovernanceHandler.sol";

/// @notice Validators follow governance: through every path (admission, suspension,
/// reinstatement, rotation, designation, expiry) the validators are exactly the nodes of the
/// active issuers, each once, never none.
contract GovernanceInvariantsTest is Test {
    AuthorityRegistry internal registry;
    GovernanceHandler internal handler;

    function setUp() public {
        vm.warp(1_800_000_000);
        address[] memory founders = new address[](4);
        bytes2[] memory countries = new bytes2[](4);
        bytes32[] memory codes = new bytes32[](4);
        address[] memory nodes = new address[](4);
        (founders[0], countries[0], codes[0], nodes[0]) = (makeAddr("issuer-CH"), "CH", "FSVO", makeAddr("node-CH"));
        (founders[1], countries[1], codes[1], nodes[1]) = (makeAddr("issuer-DE"), "DE", "BfN", makeAddr("node-DE"));
        (founders[2], countries[2], codes[2], nodes[2]) = (makeAddr("issuer-KE"), "KE", "KWS", makeAddr("node-KE"));
        (founders[3], countries[3], codes[3], nodes[3]) = (makeAddr("issuer-BR"), "BR", "IBAMA", makeAddr("node-BR"));
        registry = new AuthorityRegistry(founders, countries, codes, nodes);
        handler = new GovernanceHandler(registry, founders, nodes);
        targetContract(address(handler));
    }

    /// getValidators() equals, as a set without duplicates, the ghost's nodes of the issuers
    /// the ghost holds active.
    function invariant_validatorsAreTheActiveIssuersNodes() public view {
        address[] memory validators = registry.getValidators();
        _assertNoDuplicates(validators);
        uint256 expected;
        uint256 n = handler.ghostIssuerCount();
        for (uint256 i; i < n; ++i) {
            address issuer = handler.ghostIssuers(i);
            if (!handler.ghostActive(issuer)) continue;
            ++expected;
            assertTrue(_contains(validators, handler.ghostNode(issuer)), "an active issuer's node is missing");
        }
        assertEq(validators.length, expected, "validators other than the active issuers' nodes");
    }

    /// The same, against the registry's own records: every active issuer's nodeOf() is a
    /// validator, no other address is, and accountOfNode() leads back to the issuer.
    function invariant_validatorsMatchTheRegistrysRecords() public view {
        address[] memory validators = registry.getValidators();
        address[] memory all = registry.authorities();
        uint256 active;
        for (uint256 i; i < all.length; ++i) {
            (, AuthorityKind kind, AuthorityStatus status) = registry.profileOf(all[i]);
            if (kind != AuthorityKind.Issuer) continue;
            address node = registry.nodeOf(all[i]);
            assertEq(registry.accountOfNode(node), all[i], "reverse lookup");
            bool isActive = status == AuthorityStatus.Active;
            assertEq(registry.isValidator(node), isActive, "validator iff its issuer is active");
            assertEq(_contains(validators, node), isActive, "getValidators() disagrees with isValidator()");
            if (isActive) ++active;
        }
        assertEq(validators.length, active, "a validator without an active issuer");
    }

    /// Never empty, and one validator per active issuer: the last one is never removed.
    function invariant_neverEmptyAndOnePerActiveIssuer() public view {
        uint256 count = registry.getValidators().length;
        assertGt(count, 0, "no validators");
        assertEq(count, registry.activeIssuerCount(), "validators != active issuers");
        assertEq(count, registry.validatorCount(), "validatorCount()");
    }

    /// Node addresses are never reused and never authority accounts, and the reverse.
    function invariant_nodesUniqueAndNeverAuthorities() public view {
        assertEq(handler.ghostUniquenessViolations(), 0, "a node or account was reused");
        address[] memory all = registry.authorities();
        for (uint256 i; i < all.length; ++i) {
            address node = registry.nodeOf(all[i]);
            if (node == address(0)) continue;
            (, AuthorityKind kind,) = registry.profileOf(node);
            assertEq(uint8(kind), uint8(AuthorityKind.None), "a node is an authority");
        }
    }

    /// Shows that the handler reached the interesting paths (visible with -vv).
    function afterInvariant() public view {
        console.log("admissions", handler.admissions(), "suspensions", handler.suspensions());
        console.log("reinstatements", handler.reinstatements(), "rotations", handler.rotations());
        console.log("refusals", handler.refusals(), "validators", registry.validatorCount());
    }

    function _assertNoDuplicates(address[] memory list) private pure {
        for (uint256 i; i < list.length; ++i) {
            for (uint256 j = i + 1; j < list.length; ++j) {
                assertTrue(list[i] != list[j], "duplicate validator");
            }
        }
    }

    function _contains(address[] memory list, address a) private pure returns (bool) {
        for (uint256 i; i < list.length; ++i) {
            if (list[i] == a) return true;
        }
        return false;
    }
}
