// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Country} from "../src/common/Country.sol";
import {IPermitRegistry} from "../src/permit/IPermitRegistry.sol";
import {
    PermitInput,
    PermitType,
    PermitVerification,
    VerificationReason,
    VerificationStatus
} from "../src/permit/PermitTypes.sol";
import {LedgerFixture} from "./utils/LedgerFixture.sol";

/// @notice Property tests over quantities, validity windows, shipment references and
/// country codes; each expectation is computed here independently of the contract.
contract PermitFuzzTest is LedgerFixture {
    bytes32 internal constant KEY = keccak256("CH/2026/000123");

    function testFuzz_quantities_twoShipmentsNeverExceedTheLine(uint96 authorised, uint96 first, uint96 second)
        public
    {
        authorised = uint96(bound(authorised, 1, type(uint96).max));
        PermitInput memory p = _permit(KEY, _lines(authorised), DE);
        p.maxShipments = 2;
        _register(issuerCH, p);

        uint96 used = _expectShipment(keccak256("one"), first, authorised, 0);
        used = _expectShipment(keccak256("two"), second, authorised, used);
        assertEq(permits.verify(KEY).used[0], used);
        assertLe(used, authorised);
    }

    function testFuzz_quantities_everyLineCheckedAndReported(uint8 lineSeed, uint256 seed) public {
        uint256 n = bound(lineSeed, 1, 16);
        uint96[] memory authorised = new uint96[](n);
        uint96[] memory requested = new uint96[](n);
        for (uint256 i; i < n; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            authorised[i] = uint96(bound(r, 1, 1e24));
            // Mostly within the line, sometimes above it, sometimes zero.
            requested[i] = uint96(bound(r >> 96, 0, uint256(authorised[i]) * 5 / 4));
        }
        _register(issuerCH, _permit(KEY, authorised, DE));

        (bool empty, bool tooMuch, uint256 line) = (true, false, 0);
        for (uint256 i; i < n; ++i) {
            if (requested[i] != 0) empty = false;
            if (!tooMuch && requested[i] > authorised[i]) (tooMuch, line) = (true, i);
        }
        bytes32 ref = keccak256(abi.encode(seed));
        if (empty) {
            vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.EmptyShipment.selector, KEY, ref));
        } else if (tooMuch) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IPermitRegistry.QuantityExceeded.selector, KEY, line, requested[line], authorised[line]
                )
            );
        }
        vm.prank(customsCH);
        permits.recordShipment(KEY, ref, requested, ACTOR);

        PermitVerification memory v = permits.verify(KEY);
        for (uint256 i; i < n; ++i) {
            assertEq(v.used[i], empty || tooMuch ? 0 : requested[i]);
            assertLe(v.used[i], v.authorised[i]);
        }
    }

    function testFuzz_validityWindow_shipmentOnlyInsideIt(uint40 from, uint40 span, uint40 when) public {
        from = uint40(bound(from, 1, type(uint40).max - 1));
        span = uint40(bound(span, 1, type(uint40).max - from));
        PermitInput memory p = _permit(KEY, _lines(10), DE);
        (p.validFrom, p.validUntil) = (from, from + span);
        _register(issuerCH, p);

        vm.warp(when);
        bool inside = when >= from && when < from + span;
        VerificationReason expected =
            inside ? VerificationReason.None : when < from ? VerificationReason.NotYetValid : VerificationReason.Expired;
        assertEq(uint8(permits.verify(KEY).reason), uint8(expected));
        if (!inside) vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.PermitNotUsable.selector, KEY, expected));
        vm.prank(customsCH);
        permits.recordShipment(KEY, keccak256("ref"), _lines(1), ACTOR);
        assertEq(permits.verify(KEY).shipmentsUsed, inside ? 1 : 0);
    }

    function testFuzz_shipmentRefs_eachDistinctRefCountsOnce(uint256 seed, uint8 countSeed) public {
        PermitInput memory p = _permit(KEY, _lines(1_000_000), bytes2(0));
        (p.permitType, p.maxShipments) = (PermitType.CitesCertificate, 0);
        _register(issuerCH, p);

        uint256 count = bound(countSeed, 1, 24);
        bytes32[] memory seen = new bytes32[](count);
        uint256 distinct;
        for (uint256 i; i < count; ++i) {
            // Draw from a small pool so that repeats happen often.
            bytes32 ref = keccak256(abi.encode(seed, uint256(keccak256(abi.encode(seed, i))) % 6));
            bool repeat;
            for (uint256 j; j < distinct; ++j) {
                if (seen[j] == ref) repeat = true;
            }
            if (!repeat) seen[distinct++] = ref;
            vm.prank(i % 2 == 0 ? customsCH : customsCH2);
            assertEq(permits.recordShipment(KEY, ref, _lines(3), ACTOR), !repeat);
        }
        PermitVerification memory v = permits.verify(KEY);
        assertEq(v.shipmentsUsed, distinct);
        assertEq(v.used[0], 3 * distinct);
    }

    function testFuzz_arrival_neverAboveExportPerLine(uint96 exported, uint96 arrived) public {
        exported = uint96(bound(exported, 1, type(uint96).max));
        _register(issuerCH, _permit(KEY, _lines(exported), DE));
        vm.prank(customsCH);
        permits.recordShipment(KEY, keccak256("ref"), _lines(exported), ACTOR);

        if (arrived == 0) {
            vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.EmptyShipment.selector, KEY, keccak256("ref")));
        } else if (arrived > exported) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IPermitRegistry.ArrivalExceedsExport.selector, KEY, keccak256("ref"), 0, arrived, exported
                )
            );
        }
        vm.prank(customsDE);
        permits.confirmArrival(KEY, keccak256("ref"), _lines(arrived), ACTOR);
        assertEq(permits.verify(KEY).used[0], exported, "an arrival never consumes an exported shipment again");
    }

    function testFuzz_country_onlyTwoUpperCaseLetters(bytes2 raw, bool nearLetters) public {
        // Half the runs stay around 'A'..'Z' ('@' to '[' and beyond) so both sides of each
        // boundary are hit; the other half are arbitrary byte pairs.
        bytes2 destination = nearLetters
            ? bytes2(uint16((0x3E + uint16(uint8(raw[0])) % 0x20) << 8 | (0x3E + uint16(uint8(raw[1])) % 0x20)))
            : raw;
        bytes memory chars = abi.encodePacked(destination);
        bool letters = true;
        for (uint256 i; i < 2; ++i) {
            letters = letters && chars[i] >= "A" && chars[i] <= "Z";
        }
        bool accepted = destination == bytes2(0) || letters;
        PermitInput memory p = _permit(KEY, _lines(1), destination);
        if (!accepted) vm.expectRevert(abi.encodeWithSelector(Country.InvalidCountry.selector, destination));
        _register(issuerCH, p);
        assertEq(uint8(permits.verify(KEY).status), uint8(accepted ? VerificationStatus.Valid : VerificationStatus.NotAvailable));
    }

    /// @dev Records `amount` under `ref` and checks the outcome against the independent
    /// expectation; returns the new used amount.
    function _expectShipment(bytes32 ref, uint96 amount, uint96 authorised, uint96 used) private returns (uint96) {
        if (amount == 0) {
            vm.expectRevert(abi.encodeWithSelector(IPermitRegistry.EmptyShipment.selector, KEY, ref));
        } else if (amount > authorised - used) {
            vm.expectRevert(
                abi.encodeWithSelector(IPermitRegistry.QuantityExceeded.selector, KEY, 0, amount, authorised - used)
            );
        }
        vm.prank(customsCH);
        permits.recordShipment(KEY, ref, _lines(amount), ACTOR);
        return amount != 0 && amount <= authorised - used ? used + amount : used;
    }
}
