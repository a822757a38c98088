// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityStatus} from "../src/authority/AuthorityTypes.sol";
import {PermitVerification, VerificationReason, VerificationStatus} from "../src/permit/PermitTypes.sol";
import {LedgerFixture} from "./utils/LedgerFixture.sol";

/// @notice verifyAtHead is verify + the issuer's profile + block.number in one call: the
/// expectations come from those separate views (and vm.roll), not from the function itself.
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
    function testFuzz_agreesWithVerifyAndProfileOf(uint96 authorised, uint96 shipped, bool suspend, bool cancel, uint32 when)
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
        vm.warp(T0 + bound(when, 0, 2 * VALIDITY));
        vm.roll(bound(when, 1, type(uint32).max));

        (PermitVerification memory v, AuthorityStatus issuerStatus, uint64 blockNumber) = permits.verifyAtHead(key);
        assertEq(abi.encode(v), abi.encode(permits.verify(key)));
        (,, AuthorityStatus expectedStatus) = registry.profileOf(issuerCH);
        assertEq(uint8(issuerStatus), uint8(expectedStatus));
        assertEq(blockNumber, block.number);
    }
}
