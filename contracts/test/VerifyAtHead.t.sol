// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityStatus} from "../src/authority/AuthorityTypes.sol";
import {PermitType, PermitVerification, VerificationReason, VerificationStatus} from "../src/permit/PermitTypes.sol";
import {LedgerFixture} from "./utils/LedgerFixture.sol";

/// @notice verifyAtHead is verify + the issuer's profile + block.number in one call: the
/// expectations come from what each test set up, the authority registry's view and vm.roll,
/// not from verify (the same internal function) or the function itself.
contract VerifyAtHeadTest is LedgerFixture {
    function test_unknownPermit_isUnknownWithNoIssuerStatus() public {
        vm.roll(41);
        (PermitVerification memory v, AuthorityStatus issuerStatus, uint64 blockNumber) =
            permits.verifyAtHead(keccak256("CH/2026/NOPE"));
        assertEq(uint8(v.reason), uint8(VerificationReason.Unknown));
        assertEq(uint8(v.status), uint8(VerificationStatus.NotAvailable));
        assertEq(v.issuer, address(0));
        assertEq(uint8(issuerStatus), uint8(AuthorityStatus.None));
        assertEq(blockNumber, 41);
    }

    function test_suspendedIssuer_reportedWithTheVerification() public {
        bytes32 key = _registerCH("CH/2026/000001", _lines(10));
        _suspendIssuer(issuerCH);
        (PermitVerification memory v, AuthorityStatus issuerStatus,) = permits.verifyAtHead(key);
        assertEq(uint8(v.reason), uint8(VerificationReason.IssuerSuspended));
        assertEq(uint8(issuerStatus), uint8(AuthorityStatus.Suspended));
    }

    /// forge-config: default.fuzz.runs = 64
    function testFuzz_matchesWhatTheTestSetUp(uint96 authorised, uint96 shipped, bool suspend, bool cancel, uint32 when)
        public
    {
        authorised = uint96(bound(authorised, 1, type(uint96).max));
        shipped = uint96(bound(shipped, 0, authorised));
        bytes32 key = _registerCH("CH/2026/000123", _lines(authorised));
        if (shipped > 0) {
            vm.prank(customsCH);
            permits.recordShipment(key, keccak256("ref"), _lines(shipped), ACTOR);
        }
        if (cancel) {
            vm.prank(issuerCH);
            permits.cancel(key, 1, ACTOR);
        }
        if (suspend) _suspendIssuer(issuerCH);
        uint256 elapsed = bound(when, 0, 2 * VALIDITY);
        vm.warp(T0 + elapsed);
        vm.roll(bound(when, 1, type(uint32).max));

        (PermitVerification memory v, AuthorityStatus issuerStatus, uint64 blockNumber) = permits.verifyAtHead(key);

        // Each field against what this test registered and did (the fixture's _permit: a CITES
        // export from T0 for VALIDITY, one shipment, to DE), not against verify(), which runs
        // the same internal function and so could not disagree.
        VerificationReason expected = cancel
            ? VerificationReason.Cancelled
            : suspend
                ? VerificationReason.IssuerSuspended
                : elapsed >= VALIDITY ? VerificationReason.Expired : shipped > 0 ? VerificationReason.Exhausted : VerificationReason.None;
        assertEq(uint8(v.reason), uint8(expected), "reason");
        VerificationStatus expectedStatus = expected == VerificationReason.None
            ? VerificationStatus.Valid
            : expected == VerificationReason.Cancelled ? VerificationStatus.Cancelled : VerificationStatus.NotAvailable;
        assertEq(uint8(v.status), uint8(expectedStatus), "status");
        assertEq(v.issuer, issuerCH);
        assertEq(v.issuerCountry, CH);
        assertEq(uint8(v.permitType), uint8(PermitType.CitesExport));
        assertEq(v.validFrom, T0);
        assertEq(v.validUntil, T0 + VALIDITY);
        assertEq(v.destination, DE);
        assertEq(v.authorised.length, 1);
        assertEq(v.authorised[0], authorised);
        assertEq(v.used.length, 1);
        assertEq(v.used[0], shipped);
        assertEq(v.shipmentsUsed, shipped > 0 ? 1 : 0);
        assertEq(v.maxShipments, 1);
        assertEq(v.documentHash, keccak256(abi.encode("document", key)));
        assertEq(v.previousKey, bytes32(0));
        assertEq(v.replacementKey, bytes32(0));
        assertEq(v.cancelReason, cancel ? 1 : 0);
        // The issuer's status from the authority registry's own view.
        (,, AuthorityStatus expectedIssuerStatus) = registry.profileOf(issuerCH);
        assertEq(uint8(issuerStatus), uint8(expectedIssuerStatus));
        assertEq(uint8(issuerStatus), uint8(suspend ? AuthorityStatus.Suspended : AuthorityStatus.Active));
        assertEq(blockNumber, block.number);
    }
}
