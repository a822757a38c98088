// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityKind, AuthorityStatus} from "../src/authority/AuthorityTypes.sol";
import {IAuthorityChecks} from "../src/authority/IAuthorityChecks.sol";
import {Country} from "../src/common/Country.sol";
import {IPermitRegistry} from "../src/permit/IPermitRegistry.sol";
import {PermitRegistry} from "../src/permit/PermitRegistry.sol";
import {
    PermitInput,
    PermitState,
    PermitType,
    PermitVerification,
    VerificationReason,
    VerificationStatus
} from "../src/permit/PermitTypes.sol";
import {LedgerFixture} from "./utils/LedgerFixture.sol";

/// @notice The issuer side: register, registerBatch, cancel, replace, and what verify reports.
contract PermitRegistrationTest is LedgerFixture {
    bytes32 internal constant KEY = keccak256("CH/2026/000123");

    // ------------------------------------------------------------------ deployment

    function test_constructor_requiresARegistryContract() public {
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.InvalidAuthorityRegistry.selector, issuerCH));
        new PermitRegistry(issuerCH);
        assertEq(address(permits.authorityRegistry()), address(registry));
        assertEq(permits.MAX_LINES(), 16);
    }

    // ------------------------------------------------------------------ register

    function test_register_anchorsEveryField() public {
        PermitInput memory p = _permit(KEY, _lines(250, 12), DE);
        p.permitType = PermitType.CitesReExport;
        p.previousKey = keccak256("KE/2025/000777");
        p.maxShipments = 2;
        vm.expectEmit(true, true, true, true);
        emit IPermitRegistry.PermitRegistered(KEY, issuerCH, ACTOR, p.documentHash);
        _register(issuerCH, p);

        PermitVerification memory v = permits.verify(KEY);
        assertEq(uint8(v.status), uint8(VerificationStatus.Valid));
        assertEq(uint8(v.reason), uint8(VerificationReason.None));
        assertEq(v.issuer, issuerCH);
        assertEq(v.issuerCountry, CH);
        assertEq(uint8(v.permitType), uint8(PermitType.CitesReExport));
        assertEq(v.validFrom, p.validFrom);
        assertEq(v.validUntil, p.validUntil);
        assertEq(v.destination, DE);
        assertEq(v.authorised.length, 2);
        assertEq(v.authorised[0], 250);
        assertEq(v.authorised[1], 12);
        assertEq(v.used[0], 0);
        assertEq(v.used[1], 0);
        assertEq(v.shipmentsUsed, 0);
        assertEq(v.maxShipments, 2);
        assertEq(v.documentHash, p.documentHash);
        assertEq(v.previousKey, p.previousKey);
        assertEq(v.replacementKey, bytes32(0));
        assertEq(v.cancelReason, 0);
        assertTrue(permits.documentMatches(KEY, p.documentHash));
        assertFalse(permits.documentMatches(KEY, keccak256("forged document")));
    }

    function test_register_acceptsSixteenLinesAndNoDestination() public {
        uint96[] memory lines = new uint96[](16);
        for (uint256 i; i < 16; ++i) {
            lines[i] = 1;
        }
        _register(issuerCH, _permit(KEY, lines, bytes2(0)));
        PermitVerification memory v = permits.verify(KEY);
        assertEq(v.authorised.length, 16);
        assertEq(v.destination, bytes2(0));
    }

    function test_register_rejectsBadLineCounts() public {
        vm.startPrank(issuerCH);
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.InvalidLineCount.selector, KEY, 0));
        permits.register(_permit(KEY, new uint96[](0), DE));
        uint96[] memory lines = new uint96[](17);
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.InvalidLineCount.selector, KEY, 17));
        permits.register(_permit(KEY, lines, DE));
        vm.stopPrank();
    }

    function test_register_rejectsZeroAuthorisedLine() public {
        vm.startPrank(issuerCH);
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.ZeroAuthorisedQuantity.selector, KEY, 0));
        permits.register(_permit(KEY, _lines(0, 5), DE));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.ZeroAuthorisedQuantity.selector, KEY, 2));
        permits.register(_permit(KEY, _lines(5, 5, 0), DE));
        vm.stopPrank();
    }

    function test_register_rejectsZeroKeyAndZeroDocumentHash() public {
        vm.startPrank(issuerCH);
        vm.expectRevert(IPermitRegistry.ZeroPermitKey.selector);
        permits.register(_permit(bytes32(0), _lines(1), DE));
        PermitInput memory p = _permit(KEY, _lines(1), DE);
        p.documentHash = bytes32(0);
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.ZeroDocumentHash.selector, KEY));
        permits.register(p);
        vm.stopPrank();
    }

    function test_register_rejectsEmptyOrInvertedValidity() public {
        PermitInput memory p = _permit(KEY, _lines(1), DE);
        p.validUntil = p.validFrom;
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.InvalidValidity.selector, KEY, p.validFrom, p.validFrom));
        _register(issuerCH, p);
        p.validUntil = p.validFrom - 1;
        vm.expectRevert(
            abi.encodeWithSelector(IPermitRegistry.InvalidValidity.selector, KEY, p.validFrom, p.validFrom - 1)
        );
        _register(issuerCH, p);
    }

    function test_register_rejectsMalformedDestination() public {
        bytes2[4] memory bad;
        (bad[0], bad[1], bad[2], bad[3]) = ("de", "D1", hex"0044", "[A");
        for (uint256 i; i < bad.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(Country.InvalidCountry.selector, bad[i]));
            _register(issuerCH, _permit(KEY, _lines(1), bad[i]));
        }
    }

    function test_register_unlimitedShipmentsOnlyForCertificates() public {
        PermitInput memory p = _permit(KEY, _lines(1), DE);
        p.maxShipments = 0;
        vm.expectRevert(
            abi.encodeWithSelector(IPermitRegistry.UnlimitedShipmentsNotAllowed.selector, KEY, PermitType.CitesExport)
        );
        _register(issuerCH, p);
        p.permitType = PermitType.CitesCertificate;
        _register(issuerCH, p);
        assertEq(permits.verify(KEY).maxShipments, 0);
    }

    function test_register_rejectsSelfReference() public {
        PermitInput memory p = _permit(KEY, _lines(1), DE);
        p.previousKey = KEY;
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.SelfReference.selector, KEY));
        _register(issuerCH, p);
    }

    function test_register_rejectsDuplicateKeyFromAnyIssuer() public {
        _register(issuerCH, _permit(KEY, _lines(1), DE));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.PermitAlreadyRegistered.selector, KEY));
        _register(issuerCH, _permit(KEY, _lines(2), DE));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.PermitAlreadyRegistered.selector, KEY));
        _register(issuerDE, _permit(KEY, _lines(2), CH));
    }

    function test_register_onlyActiveIssuers() public {
        PermitInput memory p = _permit(KEY, _lines(1), DE);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAuthorityChecks.WrongAuthorityKind.selector, customsCH, AuthorityKind.Customs, AuthorityKind.Issuer
            )
        );
        _register(customsCH, p);

        address stranger = makeAddr("stranger");
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityChecks.AuthorityNotActive.selector, stranger, AuthorityStatus.None)
        );
        _register(stranger, p);

        _suspendIssuer(issuerCH);
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityChecks.AuthorityNotActive.selector, issuerCH, AuthorityStatus.Suspended)
        );
        _register(issuerCH, p);
    }

    // ------------------------------------------------------------------ registerBatch

    function test_registerBatch_registersAll() public {
        PermitInput[] memory batch = new PermitInput[](3);
        for (uint256 i; i < 3; ++i) {
            batch[i] = _permit(keccak256(abi.encode(i)), _lines(10, 20), KE);
            vm.expectEmit(true, true, true, true);
            emit IPermitRegistry.PermitRegistered(batch[i].key, issuerDE, ACTOR, batch[i].documentHash);
        }
        vm.prank(issuerDE);
        permits.registerBatch(batch);
        for (uint256 i; i < 3; ++i) {
            PermitVerification memory v = permits.verify(batch[i].key);
            assertEq(v.issuer, issuerDE);
            assertEq(v.authorised[1], 20);
        }
    }

    function test_registerBatch_isAllOrNothing() public {
        PermitInput[] memory batch = new PermitInput[](3);
        batch[0] = _permit(keccak256("a"), _lines(1), DE);
        batch[1] = _permit(keccak256("b"), _lines(1), DE);
        batch[2] = _permit(keccak256("a"), _lines(1), DE);
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.PermitAlreadyRegistered.selector, keccak256("a")));
        vm.prank(issuerCH);
        permits.registerBatch(batch);
        assertEq(uint8(permits.verify(keccak256("a")).reason), uint8(VerificationReason.Unknown));
        assertEq(uint8(permits.verify(keccak256("b")).reason), uint8(VerificationReason.Unknown));
    }

    function test_registerBatch_boundsItsSize() public {
        vm.startPrank(issuerCH);
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.InvalidBatchSize.selector, 0, 100));
        permits.registerBatch(new PermitInput[](0));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.InvalidBatchSize.selector, 101, 100));
        permits.registerBatch(new PermitInput[](101));
        vm.stopPrank();
    }

    function test_registerBatch_onlyActiveIssuers() public {
        PermitInput[] memory batch = new PermitInput[](1);
        batch[0] = _permit(KEY, _lines(1), DE);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAuthorityChecks.WrongAuthorityKind.selector, customsDE, AuthorityKind.Customs, AuthorityKind.Issuer
            )
        );
        vm.prank(customsDE);
        permits.registerBatch(batch);
    }

    // ------------------------------------------------------------------ cancel

    function test_cancel_byRegisteringIssuer() public {
        _register(issuerCH, _permit(KEY, _lines(1), DE));
        vm.expectEmit(true, true, true, true);
        emit IPermitRegistry.PermitCancelled(KEY, issuerCH, ACTOR, 9);
        vm.prank(issuerCH);
        permits.cancel(KEY, 9, ACTOR);

        PermitVerification memory v = permits.verify(KEY);
        assertEq(uint8(v.status), uint8(VerificationStatus.Cancelled));
        assertEq(uint8(v.reason), uint8(VerificationReason.Cancelled));
        assertEq(v.cancelReason, 9);
        assertEq(v.issuer, issuerCH, "nothing else changes");
        assertEq(v.authorised[0], 1);
    }

    function test_cancel_bySameCountryIssuer() public {
        address issuerCH2 = _admitIssuer("issuer-CH-2", CH);
        _register(issuerCH, _permit(KEY, _lines(1), DE));
        vm.prank(issuerCH2);
        permits.cancel(KEY, 1, ACTOR);
        assertEq(uint8(permits.verify(KEY).status), uint8(VerificationStatus.Cancelled));
    }

    function test_cancel_byNewIssuerAfterOriginalIssuerSuspended() public {
        address issuerCH2 = _admitIssuer("issuer-CH-2", CH);
        _register(issuerCH, _permit(KEY, _lines(1), DE));
        _suspendIssuer(issuerCH);
        vm.prank(issuerCH2);
        permits.cancel(KEY, 1, ACTOR);
        assertEq(uint8(permits.verify(KEY).reason), uint8(VerificationReason.Cancelled));
    }

    function test_cancel_rejectsOtherCountryCustomsSuspendedAndStrangers() public {
        _register(issuerCH, _permit(KEY, _lines(1), DE));
        vm.expectRevert(abi.encodeWithSelector(IAuthorityChecks.WrongCountry.selector, issuerDE, DE, CH));
        vm.prank(issuerDE);
        permits.cancel(KEY, 1, ACTOR);

        vm.expectRevert(
            abi.encodeWithSelector(
                IAuthorityChecks.WrongAuthorityKind.selector, customsCH, AuthorityKind.Customs, AuthorityKind.Issuer
            )
        );
        vm.prank(customsCH);
        permits.cancel(KEY, 1, ACTOR);

        address stranger = makeAddr("stranger");
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityChecks.AuthorityNotActive.selector, stranger, AuthorityStatus.None)
        );
        vm.prank(stranger);
        permits.cancel(KEY, 1, ACTOR);

        _suspendIssuer(issuerCH);
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityChecks.AuthorityNotActive.selector, issuerCH, AuthorityStatus.Suspended)
        );
        vm.prank(issuerCH);
        permits.cancel(KEY, 1, ACTOR);
    }

    function test_cancel_rejectsUnknownTwiceAndZeroReason() public {
        vm.startPrank(issuerCH);
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.UnknownPermit.selector, KEY));
        permits.cancel(KEY, 1, ACTOR);
        permits.register(_permit(KEY, _lines(1), DE));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.ZeroReasonCode.selector, KEY));
        permits.cancel(KEY, 0, ACTOR);
        permits.cancel(KEY, 1, ACTOR);
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.PermitAlreadyClosed.selector, KEY, PermitState.Cancelled));
        permits.cancel(KEY, 2, ACTOR);
        vm.stopPrank();
        assertEq(permits.verify(KEY).cancelReason, 1, "first reason stays");
    }

    // ------------------------------------------------------------------ replace

    function test_replace_linksBothWaysAtomically() public {
        bytes32 newKey = keccak256("CH/2026/000124");
        _register(issuerCH, _permit(KEY, _lines(5), DE));
        PermitInput memory next = _permit(newKey, _lines(4), DE);

        vm.expectEmit(true, true, true, true);
        emit IPermitRegistry.PermitRegistered(newKey, issuerCH, ACTOR, next.documentHash);
        vm.expectEmit(true, true, true, true);
        emit IPermitRegistry.PermitReplaced(KEY, newKey, issuerCH, keccak256("officer-2"), 4);
        vm.prank(issuerCH);
        permits.replace(KEY, 4, next, keccak256("officer-2"));

        PermitVerification memory old = permits.verify(KEY);
        assertEq(uint8(old.status), uint8(VerificationStatus.Cancelled));
        assertEq(uint8(old.reason), uint8(VerificationReason.Replaced));
        assertEq(old.replacementKey, newKey);
        assertEq(old.cancelReason, 4);
        PermitVerification memory nw = permits.verify(newKey);
        assertEq(uint8(nw.status), uint8(VerificationStatus.Valid));
        assertEq(nw.previousKey, KEY);
        assertEq(nw.authorised[0], 4);
    }

    function test_replace_acceptsPreviousKeyEqualToOld_rejectsOther() public {
        _register(issuerCH, _permit(KEY, _lines(5), DE));
        PermitInput memory next = _permit(keccak256("next"), _lines(4), DE);
        next.previousKey = keccak256("somewhere else");
        vm.expectRevert(
            abi.encodeWithSelector(IPermitRegistry.PreviousKeyMismatch.selector, next.key, next.previousKey, KEY)
        );
        vm.prank(issuerCH);
        permits.replace(KEY, 4, next, ACTOR);

        next.previousKey = KEY;
        vm.prank(issuerCH);
        permits.replace(KEY, 4, next, ACTOR);
        assertEq(permits.verify(next.key).previousKey, KEY);
    }

    function test_replace_failsWithoutSideEffects() public {
        _register(issuerCH, _permit(KEY, _lines(5), DE));
        PermitInput memory bad = _permit(keccak256("next"), _lines(0), DE);
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.ZeroAuthorisedQuantity.selector, bad.key, 0));
        vm.prank(issuerCH);
        permits.replace(KEY, 4, bad, ACTOR);
        assertEq(uint8(permits.verify(KEY).status), uint8(VerificationStatus.Valid), "old permit untouched");

        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.PermitAlreadyRegistered.selector, KEY));
        vm.prank(issuerCH);
        permits.replace(KEY, 4, _permit(KEY, _lines(1), DE), ACTOR);
    }

    function test_replace_enforcesCancelRules() public {
        _register(issuerCH, _permit(KEY, _lines(5), DE));
        PermitInput memory next = _permit(keccak256("next"), _lines(4), DE);
        vm.expectRevert(abi.encodeWithSelector(IAuthorityChecks.WrongCountry.selector, issuerDE, DE, CH));
        vm.prank(issuerDE);
        permits.replace(KEY, 4, next, ACTOR);

        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.ZeroReasonCode.selector, KEY));
        vm.prank(issuerCH);
        permits.replace(KEY, 0, next, ACTOR);

        vm.prank(issuerCH);
        permits.cancel(KEY, 1, ACTOR);
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.PermitAlreadyClosed.selector, KEY, PermitState.Cancelled));
        vm.prank(issuerCH);
        permits.replace(KEY, 4, next, ACTOR);

        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.UnknownPermit.selector, keccak256("nope")));
        vm.prank(issuerCH);
        permits.replace(keccak256("nope"), 4, next, ACTOR);
    }

    // ------------------------------------------------------------------ verify

    function test_verify_unknownPermitIsNotAvailable() public view {
        PermitVerification memory v = permits.verify(KEY);
        assertEq(uint8(v.status), uint8(VerificationStatus.NotAvailable));
        assertEq(uint8(v.reason), uint8(VerificationReason.Unknown));
        assertEq(v.issuer, address(0));
        assertEq(v.authorised.length, 0);
        assertFalse(permits.documentMatches(KEY, bytes32(0)));
    }

    function test_verify_validityWindowIsInclusiveFromExclusiveUntil() public {
        PermitInput memory p = _permit(KEY, _lines(1), DE);
        p.validFrom = T0 + 100;
        p.validUntil = T0 + 200;
        _register(issuerCH, p);

        _assertReason(VerificationStatus.NotAvailable, VerificationReason.NotYetValid);
        vm.warp(T0 + 99);
        _assertReason(VerificationStatus.NotAvailable, VerificationReason.NotYetValid);
        vm.warp(T0 + 100);
        _assertReason(VerificationStatus.Valid, VerificationReason.None);
        vm.warp(T0 + 199);
        _assertReason(VerificationStatus.Valid, VerificationReason.None);
        vm.warp(T0 + 200);
        _assertReason(VerificationStatus.NotAvailable, VerificationReason.Expired);
    }

    function test_verify_suspendedIssuerMakesPermitsNotAvailable() public {
        _register(issuerCH, _permit(KEY, _lines(1), DE));
        _suspendIssuer(issuerCH);
        _assertReason(VerificationStatus.NotAvailable, VerificationReason.IssuerSuspended);
        // Cancellation outranks suspension: CANCELLED is a final answer.
        address issuerCH2 = _admitIssuer("issuer-CH-2", CH);
        vm.prank(issuerCH2);
        permits.cancel(KEY, 1, ACTOR);
        _assertReason(VerificationStatus.Cancelled, VerificationReason.Cancelled);
    }

    // ------------------------------------------------------------------ helpers

    function _assertReason(VerificationStatus status, VerificationReason reason) private view {
        PermitVerification memory v = permits.verify(KEY);
        assertEq(uint8(v.status), uint8(status), "status");
        assertEq(uint8(v.reason), uint8(reason), "reason");
    }
}
