// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {PermitHeader, PermitHeaderLib, PermitUsage, PermitUsageLib, ShipmentHead} from "../src/permit/PermitSlots.sol";
import {PermitState, PermitType} from "../src/permit/PermitTypes.sol";

/// @dev solc lays these structs out in storage by its own rules; the packed words must be
/// bit-for-bit the same. This is the independent oracle for PermitSlots.
contract SolcLayoutMirror {
    struct Header {
        address issuer;
        uint40 validFrom;
        uint40 validUntil;
        PermitType permitType;
        PermitState state;
    }

    struct Usage {
        uint96 authorised;
        uint96 used;
        uint8 lineCount;
        uint16 maxShipments;
        uint16 shipmentsUsed;
        bytes2 destination;
        uint8 cancelReason;
    }

    struct Head {
        uint96 exported;
        uint96 imported;
        bool exportRecorded;
        bool importRecorded;
    }

    Header internal _header; // slot 0
    Usage internal _usage; // slot 1
    Head internal _head; // slot 2

    function setHeader(Header calldata h) external {
        _header = h;
    }

    function setUsage(Usage calldata u) external {
        _usage = u;
    }

    function setHead(Head calldata h) external {
        _head = h;
    }
}

contract PermitSlotsTest is Test {
    SolcLayoutMirror internal mirror = new SolcLayoutMirror();

    function testFuzz_headerMatchesSolcLayout(address issuer, uint40 from, uint40 until, uint8 typeSeed, uint8 stateSeed)
        public
    {
        PermitType t = PermitType(bound(typeSeed, 0, uint8(type(PermitType).max)));
        PermitState s = PermitState(bound(stateSeed, 0, uint8(type(PermitState).max)));
        PermitHeader h = PermitHeaderLib.pack(issuer, from, until, t, PermitState.Active).withState(s);
        mirror.setHeader(SolcLayoutMirror.Header(issuer, from, until, t, s));

        assertEq(PermitHeader.unwrap(h), uint256(vm.load(address(mirror), bytes32(uint256(0)))));
        assertEq(h.issuer(), issuer);
        assertEq(h.validFrom(), from);
        assertEq(h.validUntil(), until);
        assertEq(uint8(h.permitType()), uint8(t));
        assertEq(uint8(h.state()), uint8(s));
    }

    function testFuzz_usageMatchesSolcLayout(
        uint96 authorised,
        uint96 used,
        uint8 lineCount,
        uint16 maxShipments,
        uint16 shipmentsUsed,
        bytes2 destination,
        uint8 cancelReason
    ) public {
        PermitUsage u = PermitUsageLib.pack(authorised, lineCount, maxShipments, destination);
        assertEq(u.used0(), 0);
        assertEq(u.shipmentsUsed(), 0);
        assertEq(u.cancelReason(), 0);
        u = u.withUsed0(used).withShipmentsUsed(shipmentsUsed).withCancelReason(cancelReason);
        mirror.setUsage(
            SolcLayoutMirror.Usage(authorised, used, lineCount, maxShipments, shipmentsUsed, destination, cancelReason)
        );

        assertEq(PermitUsage.unwrap(u), uint256(vm.load(address(mirror), bytes32(uint256(1)))));
        assertEq(u.authorised0(), authorised);
        assertEq(u.used0(), used);
        assertEq(u.lineCount(), lineCount);
        assertEq(u.maxShipments(), maxShipments);
        assertEq(u.shipmentsUsed(), shipmentsUsed);
        assertEq(u.destination(), destination);
        assertEq(u.cancelReason(), cancelReason);
    }

    function testFuzz_updatesTouchOnlyTheirField(uint256 word, uint96 used, uint16 shipments, uint8 reason, uint8 st)
        public
        pure
    {
        PermitUsage u = PermitUsage.wrap(word);
        PermitUsage changed = u.withUsed0(used).withShipmentsUsed(shipments).withCancelReason(reason);
        assertEq(changed.authorised0(), u.authorised0());
        assertEq(changed.lineCount(), u.lineCount());
        assertEq(changed.maxShipments(), u.maxShipments());
        assertEq(changed.destination(), u.destination());

        PermitState s = PermitState(bound(st, 0, uint8(type(PermitState).max)));
        // Keep the stored type in range so the getter can decode it.
        PermitHeader h = PermitHeader.wrap(word & ~(uint256(0xff) << 240));
        PermitHeader moved = h.withState(s);
        assertEq(moved.issuer(), h.issuer());
        assertEq(moved.validFrom(), h.validFrom());
        assertEq(moved.validUntil(), h.validUntil());
        assertEq(uint8(moved.state()), uint8(s));
    }

    function testFuzz_shipmentHeadMatchesSolcLayout(uint96 exported, uint96 imported, bool exp, bool imp) public {
        ShipmentHead h = ShipmentHead.wrap(0);
        if (exp) h = h.withExport(exported);
        if (imp) h = h.withImport(imported);
        uint96 e = exp ? exported : 0;
        uint96 i = imp ? imported : 0;
        mirror.setHead(SolcLayoutMirror.Head(e, i, exp, imp));

        assertEq(ShipmentHead.unwrap(h), uint256(vm.load(address(mirror), bytes32(uint256(2)))));
        assertEq(h.exported0(), e);
        assertEq(h.imported0(), i);
        assertEq(h.exportRecorded(), exp);
        assertEq(h.importRecorded(), imp);
    }
}
