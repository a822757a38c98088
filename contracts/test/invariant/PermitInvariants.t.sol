// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {console} from "forge-std/console.sol";
import {AuthorityRegistry} from "../../src/authority/AuthorityRegistry.sol";
import {Authority, AuthorityKind} from "../../src/authority/AuthorityTypes.sol";
import {PermitRegistry} from "../../src/permit/PermitRegistry.sol";
import {PermitVerification, VerificationReason} from "../../src/permit/PermitTypes.sol";
import {LedgerHandler} from "./LedgerHandler.sol";

/// @notice The ledger's invariants (DESIGN.md 1-3) under random multi-party use.
contract PermitInvariantsTest is Test {
    AuthorityRegistry internal registry;
    PermitRegistry internal permits;
    LedgerHandler internal handler;

    function setUp() public {
        vm.warp(1_800_000_000);
        address[] memory issuers = new address[](3);
        bytes2[] memory countries = new bytes2[](3);
        bytes32[] memory codes = new bytes32[](3);
        (issuers[0], countries[0], codes[0]) = (makeAddr("issuer-CH"), "CH", "FSVO");
        (issuers[1], countries[1], codes[1]) = (makeAddr("issuer-DE"), "DE", "BfN");
        (issuers[2], countries[2], codes[2]) = (makeAddr("issuer-KE"), "KE", "KWS");
        address[] memory nodes = new address[](3);
        (nodes[0], nodes[1], nodes[2]) = (makeAddr("node-CH"), makeAddr("node-DE"), makeAddr("node-KE"));
        registry = new AuthorityRegistry(issuers, countries, codes, nodes);
        permits = new PermitRegistry(address(registry));

        address[] memory customs = new address[](4);
        customs[0] = _customs(issuers[0], "customs-CH-1");
        customs[1] = _customs(issuers[0], "customs-CH-2");
        customs[2] = _customs(issuers[1], "customs-DE");
        customs[3] = _customs(issuers[2], "customs-KE");

        bytes2[] memory handlerCountries = new bytes2[](7);
        (handlerCountries[0], handlerCountries[1], handlerCountries[2]) = (countries[0], countries[1], countries[2]);
        (handlerCountries[3], handlerCountries[4]) = (countries[0], countries[0]);
        (handlerCountries[5], handlerCountries[6]) = (countries[1], countries[2]);
        handler = new LedgerHandler(registry, permits, issuers, customs, handlerCountries);
        targetContract(address(handler));
        bytes4[] memory actions = new bytes4[](7);
        actions[0] = LedgerHandler.register.selector;
        actions[1] = LedgerHandler.recordShipment.selector;
        actions[2] = LedgerHandler.confirmArrival.selector;
        actions[3] = LedgerHandler.cancel.selector;
        actions[4] = LedgerHandler.replace.selector;
        actions[5] = LedgerHandler.warp.selector;
        actions[6] = LedgerHandler.toggleIssuer.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: actions}));
    }

    /// Invariant 1: used <= authorised on every line; shipments <= maximum.
    function invariant_usedNeverExceedsAuthorised() public view {
        uint256 n = handler.keyCount();
        for (uint256 k; k < n; ++k) {
            PermitVerification memory v = permits.verify(handler.keys(k));
            for (uint256 i; i < v.used.length; ++i) {
                assertLe(v.used[i], v.authorised[i], "used > authorised");
            }
            if (v.maxShipments != 0) assertLe(v.shipmentsUsed, v.maxShipments, "shipments > max");
        }
    }

    /// The contract's totals equal what the successful calls imply.
    function invariant_ghostTotalsMatchContract() public view {
        uint256 n = handler.keyCount();
        for (uint256 k; k < n; ++k) {
            bytes32 key = handler.keys(k);
            PermitVerification memory v = permits.verify(key);
            uint96[] memory used = handler.ghostUsed(key);
            uint96[] memory authorised = handler.authorisedOf(key);
            assertEq(v.used.length, used.length, "line count");
            for (uint256 i; i < used.length; ++i) {
                assertEq(v.used[i], used[i], "used differs from ghost");
                assertEq(v.authorised[i], authorised[i], "authorised changed");
            }
            assertEq(v.shipmentsUsed, handler.ghostShipments(key), "shipments differ from ghost");
        }
    }

    /// Nothing is recorded on a permit after its cancellation or replacement, and every
    /// "new record or repeat" answer agrees with the ghost.
    function invariant_nothingRecordedAfterClose() public view {
        assertEq(handler.ghostRecordsAfterClose(), 0, "recorded after close");
        assertEq(handler.ghostRepeatMismatches(), 0, "repeat answer differs from ghost");
    }

    /// Invariant 2: only an issuer of the permit's country changed its status, and only the
    /// permits the ghost saw closed are closed.
    function invariant_onlyIssuersOfThePermitCountryClosePermits() public view {
        uint256 n = handler.keyCount();
        for (uint256 k; k < n; ++k) {
            bytes32 key = handler.keys(k);
            PermitVerification memory v = permits.verify(key);
            bool closed = v.reason == VerificationReason.Cancelled || v.reason == VerificationReason.Replaced;
            assertEq(closed, handler.ghostClosed(key), "closed state differs from ghost");
            if (!closed) continue;
            Authority memory closer = registry.authorityOf(handler.ghostClosedBy(key));
            assertEq(uint8(closer.kind), uint8(AuthorityKind.Issuer), "closed by a non-issuer");
            assertEq(closer.country, v.issuerCountry, "closed by another country");
        }
    }

    /// Shows that the handler reached the interesting paths (visible with -vv).
    function afterInvariant() public view {
        console.log("permits", handler.keyCount(), "shipments", handler.successfulShipments());
        console.log("closes", handler.successfulCloses());
    }

    function _customs(address issuer, string memory name) private returns (address account) {
        account = makeAddr(name);
        vm.prank(issuer);
        registry.designate(account, AuthorityKind.Customs, keccak256(bytes(name)));
    }
}
