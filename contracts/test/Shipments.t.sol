// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Vm} from "forge-std/Vm.sol";
import {AuthorityKind, AuthorityStatus} from "../src/authority/AuthorityTypes.sol";
import {IAuthorityChecks} from "../src/authority/IAuthorityChecks.sol";
import {IPermitRegistry} from "../src/permit/IPermitRegistry.sol";
import {
    PermitInput,
    PermitType,
    PermitVerification,
    ShipmentView,
    VerificationReason,
    VerificationStatus
} from "../src/permit/PermitTypes.sol";
import {LedgerFixture} from "./utils/LedgerFixture.sol";

/// @notice The customs side: export records, import confirmations, idempotent repeats, and
/// every reason a shipment is refused.
contract ShipmentsTest is LedgerFixture {
    bytes32 internal constant KEY = keccak256("CH/2026/000123");
    bytes32 internal constant REF = keccak256("AWB 176-12345675");
    bytes32 internal constant REF2 = keccak256("AWB 176-99999990");

    // ------------------------------------------------------------------ recordShipment

    function test_recordShipment_consumesAndEmits() public {
        _registerCH("CH/2026/000123", _lines(250, 10));
        vm.expectEmit(true, true, true, true);
        emit IPermitRegistry.ShipmentRecorded(KEY, REF, customsCH, ACTOR, _lines(200, 10));
        assertTrue(_record(customsCH, REF, _lines(200, 10)));

        PermitVerification memory v = permits.verify(KEY);
        assertEq(v.used[0], 200);
        assertEq(v.used[1], 10);
        assertEq(v.shipmentsUsed, 1);
        assertEq(uint8(v.reason), uint8(VerificationReason.Exhausted), "max one shipment");
        assertEq(uint8(v.status), uint8(VerificationStatus.NotAvailable));

        ShipmentView memory s = permits.shipmentOf(KEY, REF);
        assertTrue(s.exportRecorded);
        assertFalse(s.importRecorded);
        assertEq(s.exported[0], 200);
        assertEq(s.exported[1], 10);
        assertEq(s.imported[0], 0);
    }

    function test_recordShipment_partialShipmentsUntilQuantityExhausted() public {
        PermitInput memory p = _permit(KEY, _lines(100, 50), DE);
        p.maxShipments = 5;
        _register(issuerCH, p);
        _record(customsCH, REF, _lines(60, 0));
        _record(customsCH2, REF2, _lines(40, 50));
        PermitVerification memory v = permits.verify(KEY);
        assertEq(v.used[0], 100);
        assertEq(v.used[1], 50);
        assertEq(v.shipmentsUsed, 2);
        assertEq(uint8(v.reason), uint8(VerificationReason.Exhausted), "every line fully used");

        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.QuantityExceeded.selector, KEY, 0, 1, 0));
        _record(customsCH, keccak256("third"), _lines(1, 0));
    }

    function test_recordShipment_reportsLineRequestedAndRemaining() public {
        _registerCH("CH/2026/000123", _lines(100, 50, 7));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.QuantityExceeded.selector, KEY, 2, 8, 7));
        _record(customsCH, REF, _lines(100, 50, 8));
        assertEq(permits.verify(KEY).used[0], 0, "nothing consumed on failure");
    }

    function test_recordShipment_enforcesMaxShipments() public {
        _registerCH("CH/2026/000123", _lines(100));
        _record(customsCH, REF, _lines(10));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.ShipmentLimitReached.selector, KEY, 1, 1));
        _record(customsCH, REF2, _lines(10));
    }

    function test_recordShipment_unlimitedCertificateAllowsManyShipments() public {
        PermitInput memory p = _permit(KEY, _lines(1000), bytes2(0));
        p.permitType = PermitType.CitesCertificate;
        p.maxShipments = 0;
        _register(issuerCH, p);
        for (uint256 i; i < 20; ++i) {
            _record(customsCH, keccak256(abi.encode(i)), _lines(1));
        }
        PermitVerification memory v = permits.verify(KEY);
        assertEq(v.shipmentsUsed, 20);
        assertEq(uint8(v.status), uint8(VerificationStatus.Valid));
    }

    function test_recordShipment_repeatIsSilentNoOp() public {
        _registerCH("CH/2026/000123", _lines(250, 10));
        _record(customsCH, REF, _lines(250, 3));
        vm.recordLogs();
        assertFalse(_record(customsCH2, REF, _lines(250, 3)), "same shipment from another office");
        assertEq(vm.getRecordedLogs().length, 0, "a repeat emits nothing");
        PermitVerification memory v = permits.verify(KEY);
        assertEq(v.used[0], 250);
        assertEq(v.used[1], 3);
        assertEq(v.shipmentsUsed, 1);
    }

    function test_recordShipment_repeatSucceedsEvenAfterCancellation() public {
        _registerCH("CH/2026/000123", _lines(250));
        _record(customsCH, REF, _lines(250));
        vm.prank(issuerCH);
        permits.cancel(KEY, 1, ACTOR);
        assertFalse(_record(customsCH, REF, _lines(250)), "a retry returns the first result");
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.PermitNotUsable.selector, KEY, VerificationReason.Cancelled));
        _record(customsCH, REF2, _lines(1));
    }

    function test_recordShipment_sameRefOtherQuantitiesConflicts() public {
        _registerCH("CH/2026/000123", _lines(250, 10));
        _record(customsCH, REF, _lines(100, 3));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.ShipmentConflict.selector, KEY, REF));
        _record(customsCH, REF, _lines(100, 4));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.ShipmentConflict.selector, KEY, REF));
        _record(customsCH, REF, _lines(101, 3));
    }

    function test_recordShipment_rejectsMalformedInput() public {
        _registerCH("CH/2026/000123", _lines(250, 10));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.ZeroShipmentRef.selector, KEY));
        _record(customsCH, bytes32(0), _lines(1, 1));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.LineCountMismatch.selector, KEY, 2, 1));
        _record(customsCH, REF, _lines(1));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.LineCountMismatch.selector, KEY, 2, 3));
        _record(customsCH, REF, _lines(1, 1, 1));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.EmptyShipment.selector, KEY, REF));
        _record(customsCH, REF, _lines(0, 0));
    }

    function test_recordShipment_unknownPermit() public {
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.PermitNotUsable.selector, KEY, VerificationReason.Unknown));
        _record(customsCH, REF, _lines(1));
    }

    function test_recordShipment_refusedOutsideValidity() public {
        PermitInput memory p = _permit(KEY, _lines(10), DE);
        p.validFrom = T0 + 10;
        p.validUntil = T0 + 20;
        _register(issuerCH, p);
        vm.expectRevert(
            abi.encodeWithSelector(IPermitRegistry.PermitNotUsable.selector, KEY, VerificationReason.NotYetValid)
        );
        _record(customsCH, REF, _lines(1));
        vm.warp(T0 + 20);
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.PermitNotUsable.selector, KEY, VerificationReason.Expired));
        _record(customsCH, REF, _lines(1));
        vm.warp(T0 + 19);
        _record(customsCH, REF, _lines(1));
    }

    function test_recordShipment_refusedOnCancelledReplacedAndSuspendedIssuer() public {
        bytes32 replaced = _registerCH("replaced", _lines(10));
        bytes32 suspended = _registerCH("issuer suspended", _lines(10));
        _registerCH("CH/2026/000123", _lines(10));
        vm.startPrank(issuerCH);
        permits.cancel(KEY, 1, ACTOR);
        permits.replace(replaced, 2, _permit(keccak256("replacement"), _lines(10), DE), ACTOR);
        vm.stopPrank();

        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.PermitNotUsable.selector, KEY, VerificationReason.Cancelled));
        _record(customsCH, REF, _lines(1));
        vm.expectRevert(
            abi.encodeWithSelector(IPermitRegistry.PermitNotUsable.selector, replaced, VerificationReason.Replaced)
        );
        vm.prank(customsCH);
        permits.recordShipment(replaced, REF, _lines(1), ACTOR);

        _suspendIssuer(issuerCH);
        vm.expectRevert(
            abi.encodeWithSelector(
                IPermitRegistry.PermitNotUsable.selector, suspended, VerificationReason.IssuerSuspended
            )
        );
        vm.prank(customsCH);
        permits.recordShipment(suspended, REF, _lines(1), ACTOR);
    }

    function test_recordShipment_onlyActiveCustomsOfIssuerCountry() public {
        _registerCH("CH/2026/000123", _lines(10));
        vm.expectRevert(abi.encodeWithSelector(IAuthorityChecks.WrongCountry.selector, customsDE, DE, CH));
        _record(customsDE, REF, _lines(1));
        vm.expectRevert(
            abi.encodeWithSelector(
                IAuthorityChecks.WrongAuthorityKind.selector, issuerCH, AuthorityKind.Issuer, AuthorityKind.Customs
            )
        );
        _record(issuerCH, REF, _lines(1));
        address stranger = makeAddr("stranger");
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityChecks.AuthorityNotActive.selector, stranger, AuthorityStatus.None)
        );
        _record(stranger, REF, _lines(1));

        vm.prank(issuerCH);
        registry.suspendAgency(customsCH);
        vm.expectRevert(
            abi.encodeWithSelector(IAuthorityChecks.AuthorityNotActive.selector, customsCH, AuthorityStatus.Suspended)
        );
        _record(customsCH, REF, _lines(1));
        _record(customsCH2, REF, _lines(1));
    }

    function test_recordShipment_racingOfficesOnlyOneGetsTheLastQuantity() public {
        PermitInput memory p = _permit(KEY, _lines(10), DE);
        p.maxShipments = 3;
        _register(issuerCH, p);
        _record(customsCH, REF, _lines(4));
        // Both offices now ask for the remaining 6; whichever transaction is ordered first wins.
        _record(customsCH2, REF2, _lines(6));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.QuantityExceeded.selector, KEY, 0, 6, 0));
        _record(customsCH, keccak256("late"), _lines(6));
        assertEq(permits.verify(KEY).used[0], 10);
    }

    // ------------------------------------------------------------------ confirmArrival

    function test_confirmArrival_afterExportDoesNotConsumeAgain() public {
        _registerCH("CH/2026/000123", _lines(250, 10));
        _record(customsCH, REF, _lines(250, 10));
        vm.expectEmit(true, true, true, true);
        emit IPermitRegistry.ArrivalConfirmed(KEY, REF, customsDE, ACTOR, _lines(248, 10), false);
        assertTrue(_confirm(customsDE, REF, _lines(248, 10)), "exhausted permit still confirms its own shipment");

        PermitVerification memory v = permits.verify(KEY);
        assertEq(v.used[0], 250);
        assertEq(v.shipmentsUsed, 1);
        ShipmentView memory s = permits.shipmentOf(KEY, REF);
        assertTrue(s.exportRecorded && s.importRecorded);
        assertEq(s.imported[0], 248);
        assertEq(s.imported[1], 10);
        assertEq(s.exported[0], 250);
    }

    function test_confirmArrival_neverMoreThanExported() public {
        _registerCH("CH/2026/000123", _lines(250, 10));
        _record(customsCH, REF, _lines(200, 5));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.ArrivalExceedsExport.selector, KEY, REF, 1, 6, 5));
        _confirm(customsDE, REF, _lines(200, 6));
    }

    function test_confirmArrival_withoutExportConsumesThePermit() public {
        _registerCH("CH/2026/000123", _lines(250));
        vm.expectEmit(true, true, true, true);
        emit IPermitRegistry.ArrivalConfirmed(KEY, REF, customsDE, ACTOR, _lines(250), true);
        assertTrue(_confirm(customsDE, REF, _lines(250)));
        PermitVerification memory v = permits.verify(KEY);
        assertEq(v.used[0], 250);
        assertEq(v.shipmentsUsed, 1);
    }

    function test_confirmArrival_samePermitAtSecondBorderIsRejected() public {
        _registerCH("CH/2026/000123", _lines(250));
        _record(customsCH, REF, _lines(100));
        // Another shipment presented at import under the same one-shipment permit.
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.ShipmentLimitReached.selector, KEY, 1, 1));
        _confirm(customsDE, REF2, _lines(100));
    }

    function test_confirmArrival_importOnlyThenSecondImportRejected() public {
        _registerCH("CH/2026/000123", _lines(250));
        _confirm(customsDE, REF, _lines(100));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.ShipmentLimitReached.selector, KEY, 1, 1));
        _confirm(customsDE, REF2, _lines(100));
    }

    function test_confirmArrival_repeatAndConflict() public {
        _registerCH("CH/2026/000123", _lines(250));
        _confirm(customsDE, REF, _lines(100));
        vm.recordLogs();
        assertFalse(_confirm(customsDE, REF, _lines(100)));
        assertEq(vm.getRecordedLogs().length, 0);
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.ShipmentConflict.selector, KEY, REF));
        _confirm(customsDE, REF, _lines(99));
        assertEq(permits.verify(KEY).used[0], 100);
    }

    function test_confirmArrival_onlyActiveCustomsOfDestination() public {
        _registerCH("CH/2026/000123", _lines(250));
        vm.expectRevert(abi.encodeWithSelector(IAuthorityChecks.WrongCountry.selector, customsCH, CH, DE));
        _confirm(customsCH, REF, _lines(1));
        vm.expectRevert(abi.encodeWithSelector(IAuthorityChecks.WrongCountry.selector, customsKE, KE, DE));
        _confirm(customsKE, REF, _lines(1));
        vm.expectRevert(
            abi.encodeWithSelector(
                IAuthorityChecks.WrongAuthorityKind.selector, issuerDE, AuthorityKind.Issuer, AuthorityKind.Customs
            )
        );
        _confirm(issuerDE, REF, _lines(1));
    }

    function test_confirmArrival_needsADestination() public {
        _register(issuerCH, _permit(KEY, _lines(10), bytes2(0)));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.NoDestination.selector, KEY));
        _confirm(customsDE, REF, _lines(1));
    }

    function test_confirmArrival_refusedOnCancelledAndExpiredPermits() public {
        _registerCH("CH/2026/000123", _lines(250));
        _record(customsCH, REF, _lines(250));
        vm.warp(T0 + VALIDITY);
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.PermitNotUsable.selector, KEY, VerificationReason.Expired));
        _confirm(customsDE, REF, _lines(250));
        vm.warp(T0);
        vm.prank(issuerCH);
        permits.cancel(KEY, 1, ACTOR);
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.PermitNotUsable.selector, KEY, VerificationReason.Cancelled));
        _confirm(customsDE, REF, _lines(250));
    }

    function test_confirmArrival_rejectsMalformedInput() public {
        _registerCH("CH/2026/000123", _lines(250, 1));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.ZeroShipmentRef.selector, KEY));
        _confirm(customsDE, bytes32(0), _lines(1, 1));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.LineCountMismatch.selector, KEY, 2, 1));
        _confirm(customsDE, REF, _lines(1));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.EmptyShipment.selector, KEY, REF));
        _confirm(customsDE, REF, _lines(0, 0));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.PermitNotUsable.selector, REF, VerificationReason.Unknown));
        vm.prank(customsDE);
        permits.confirmArrival(REF, REF, _lines(1), ACTOR);
    }

    // ------------------------------------------------------------------ late export

    function test_lateExport_consumesOnlyWhatExceedsTheArrival() public {
        PermitInput memory p = _permit(KEY, _lines(100, 10), DE);
        _register(issuerCH, p);
        _confirm(customsDE, REF, _lines(60, 4));
        assertTrue(_record(customsCH, REF, _lines(70, 4)));
        PermitVerification memory v = permits.verify(KEY);
        assertEq(v.used[0], 70, "max(exported, imported)");
        assertEq(v.used[1], 4);
        assertEq(v.shipmentsUsed, 1, "still one shipment");
    }

    function test_lateExport_cannotBeBelowTheArrival() public {
        _registerCH("CH/2026/000123", _lines(100, 10));
        _confirm(customsDE, REF, _lines(60, 4));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.ExportBelowArrival.selector, KEY, REF, 1, 3, 4));
        _record(customsCH, REF, _lines(60, 3));
    }

    function test_lateExport_mustFitWhatIsLeft() public {
        _registerCH("CH/2026/000123", _lines(100));
        _confirm(customsDE, REF, _lines(60));
        vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.QuantityExceeded.selector, KEY, 0, 41, 40));
        _record(customsCH, REF, _lines(101));
    }

    // ------------------------------------------------------------------ helpers

    function _record(address customs, bytes32 ref, uint96[] memory q) private returns (bool) {
        vm.prank(customs);
        return permits.recordShipment(KEY, ref, q, ACTOR);
    }

    function _confirm(address customs, bytes32 ref, uint96[] memory q) private returns (bool) {
        vm.prank(customs);
        return permits.confirmArrival(KEY, ref, q, ACTOR);
    }
}
