// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {PermitState, PermitType} from "./PermitTypes.sol";

// The three hot storage words of the ledger, each a uint256 with named fields, in the style
// of OpenZeppelin's Time.Delay. Reading a field is a shift and a mask; writing a slot is one
// SSTORE. (Solidity's own packed structs are read and written member by member by the
// legacy code generator, which costs ~200 gas per member and broke the gas targets.)
// Each layout is exactly the one solc gives the equivalent packed struct (fields in the
// order below, bools one byte each); test/PermitSlots.t.sol checks that against solc.
// Bit layout, lowest bits first:
//   PermitHeader: issuer 0-159, validFrom 160-199, validUntil 200-239, permitType 240-247, state 248-255
//   PermitUsage:  authorised(line 0) 0-95, used(line 0) 96-191, lineCount 192-199,
//                 maxShipments 200-215, shipmentsUsed 216-231, destination 232-247, cancelReason 248-255
//   ShipmentHead: exported(line 0) 0-95, imported(line 0) 96-191, exportRecorded 192-199, importRecorded 200-207

/// @dev Permit slot 1: issuer, validity window, type and lifecycle state. Zero = no permit.
type PermitHeader is uint256;

/// @dev Permit slot 2: line 0 (authorised, used) and the per-permit counters.
type PermitUsage is uint256;

/// @dev Shipment slot 0: line 0 of both border sides and which sides recorded.
type ShipmentHead is uint256;

using PermitHeaderLib for PermitHeader global;
using PermitUsageLib for PermitUsage global;
using ShipmentHeadLib for ShipmentHead global;

// Every getter truncates on purpose: it cuts its field out of the word.
// forge-lint: disable-start(unsafe-typecast)

/// @title PermitHeaderLib
/// @notice Fields of a {PermitHeader} word.
library PermitHeaderLib {
    /// @notice Packs a header.
    /// @param issuer_ The issuing authority (non-zero for every registered permit).
    /// @param validFrom_ First valid second (inclusive).
    /// @param validUntil_ End of validity (exclusive).
    /// @param permitType_ Document type.
    /// @param state_ Lifecycle state.
    /// @return The header word.
    function pack(address issuer_, uint40 validFrom_, uint40 validUntil_, PermitType permitType_, PermitState state_)
        internal
        pure
        returns (PermitHeader)
    {
        return PermitHeader.wrap(
            uint256(uint160(issuer_)) | uint256(validFrom_) << 160 | uint256(validUntil_) << 200
                | uint256(uint8(permitType_)) << 240 | uint256(uint8(state_)) << 248
        );
    }

    /// @notice The issuing authority.
    /// @param h The header.
    /// @return The issuer's account.
    function issuer(PermitHeader h) internal pure returns (address) {
        return address(uint160(PermitHeader.unwrap(h)));
    }

    /// @notice First valid second (inclusive).
    /// @param h The header.
    /// @return Unix seconds.
    function validFrom(PermitHeader h) internal pure returns (uint40) {
        return uint40(PermitHeader.unwrap(h) >> 160);
    }

    /// @notice End of validity (exclusive).
    /// @param h The header.
    /// @return Unix seconds.
    function validUntil(PermitHeader h) internal pure returns (uint40) {
        return uint40(PermitHeader.unwrap(h) >> 200);
    }

    /// @notice Document type.
    /// @param h The header.
    /// @return The type.
    function permitType(PermitHeader h) internal pure returns (PermitType) {
        return PermitType(uint8(PermitHeader.unwrap(h) >> 240));
    }

    /// @notice Lifecycle state (None for a zero word).
    /// @param h The header.
    /// @return The state.
    function state(PermitHeader h) internal pure returns (PermitState) {
        return PermitState(uint8(PermitHeader.unwrap(h) >> 248));
    }

    /// @notice The same header with another state.
    /// @param h The header.
    /// @param state_ The new state.
    /// @return The updated header.
    function withState(PermitHeader h, PermitState state_) internal pure returns (PermitHeader) {
        return PermitHeader.wrap(PermitHeader.unwrap(h) & type(uint248).max | uint256(uint8(state_)) << 248);
    }
}

/// @title PermitUsageLib
/// @notice Fields of a {PermitUsage} word.
library PermitUsageLib {
    uint256 private constant USED_0_MASK = uint256(type(uint96).max) << 96;
    uint256 private constant SHIPMENTS_USED_MASK = uint256(type(uint16).max) << 216;

    /// @notice Packs a fresh usage word: nothing used, no shipment, no cancel reason.
    /// @param authorised0_ Authorised amount of line 0.
    /// @param lineCount_ Number of lines (1..16).
    /// @param maxShipments_ Shipments allowed (0 = unlimited).
    /// @param destination_ Destination country or bytes2(0).
    /// @return The usage word.
    function pack(uint96 authorised0_, uint8 lineCount_, uint16 maxShipments_, bytes2 destination_)
        internal
        pure
        returns (PermitUsage)
    {
        return PermitUsage.wrap(
            uint256(authorised0_) | uint256(lineCount_) << 192 | uint256(maxShipments_) << 200
                | uint256(uint16(destination_)) << 232
        );
    }

    /// @notice Authorised amount of line 0.
    /// @param u The usage.
    /// @return The amount.
    function authorised0(PermitUsage u) internal pure returns (uint96) {
        return uint96(PermitUsage.unwrap(u));
    }

    /// @notice Used amount of line 0.
    /// @param u The usage.
    /// @return The amount.
    function used0(PermitUsage u) internal pure returns (uint96) {
        return uint96(PermitUsage.unwrap(u) >> 96);
    }

    /// @notice Number of quantity lines.
    /// @param u The usage.
    /// @return The count.
    function lineCount(PermitUsage u) internal pure returns (uint8) {
        return uint8(PermitUsage.unwrap(u) >> 192);
    }

    /// @notice Shipments allowed (0 = unlimited).
    /// @param u The usage.
    /// @return The maximum.
    function maxShipments(PermitUsage u) internal pure returns (uint16) {
        return uint16(PermitUsage.unwrap(u) >> 200);
    }

    /// @notice Shipments recorded so far.
    /// @param u The usage.
    /// @return The count.
    function shipmentsUsed(PermitUsage u) internal pure returns (uint16) {
        return uint16(PermitUsage.unwrap(u) >> 216);
    }

    /// @notice Destination country, or bytes2(0).
    /// @param u The usage.
    /// @return The country.
    function destination(PermitUsage u) internal pure returns (bytes2) {
        return bytes2(uint16(PermitUsage.unwrap(u) >> 232));
    }

    /// @notice Reason code of the cancellation or replacement, 0 while active.
    /// @param u The usage.
    /// @return The code.
    function cancelReason(PermitUsage u) internal pure returns (uint8) {
        return uint8(PermitUsage.unwrap(u) >> 248);
    }

    /// @notice The same usage with line 0's used amount replaced.
    /// @param u The usage.
    /// @param used The new used amount.
    /// @return The updated usage.
    function withUsed0(PermitUsage u, uint96 used) internal pure returns (PermitUsage) {
        return PermitUsage.wrap(PermitUsage.unwrap(u) & ~USED_0_MASK | uint256(used) << 96);
    }

    /// @notice The same usage with the shipment counter replaced.
    /// @param u The usage.
    /// @param count The new count.
    /// @return The updated usage.
    function withShipmentsUsed(PermitUsage u, uint16 count) internal pure returns (PermitUsage) {
        return PermitUsage.wrap(PermitUsage.unwrap(u) & ~SHIPMENTS_USED_MASK | uint256(count) << 216);
    }

    /// @notice The same usage with a cancel reason.
    /// @param u The usage.
    /// @param reason The reason code.
    /// @return The updated usage.
    function withCancelReason(PermitUsage u, uint8 reason) internal pure returns (PermitUsage) {
        return PermitUsage.wrap(PermitUsage.unwrap(u) & type(uint248).max | uint256(reason) << 248);
    }
}

/// @title ShipmentHeadLib
/// @notice Fields of a {ShipmentHead} word.
library ShipmentHeadLib {
    uint256 private constant EXPORT_FLAG = 1 << 192;
    uint256 private constant IMPORT_FLAG = 1 << 200;

    /// @notice Line 0 as recorded by the export side.
    /// @param s The head.
    /// @return The amount.
    function exported0(ShipmentHead s) internal pure returns (uint96) {
        return uint96(ShipmentHead.unwrap(s));
    }

    /// @notice Line 0 as confirmed by the import side.
    /// @param s The head.
    /// @return The amount.
    function imported0(ShipmentHead s) internal pure returns (uint96) {
        return uint96(ShipmentHead.unwrap(s) >> 96);
    }

    /// @notice Whether the export side recorded the shipment.
    /// @param s The head.
    /// @return True once recorded.
    function exportRecorded(ShipmentHead s) internal pure returns (bool) {
        return ShipmentHead.unwrap(s) & EXPORT_FLAG != 0;
    }

    /// @notice Whether the import side confirmed the shipment.
    /// @param s The head.
    /// @return True once confirmed.
    function importRecorded(ShipmentHead s) internal pure returns (bool) {
        return ShipmentHead.unwrap(s) & IMPORT_FLAG != 0;
    }

    /// @notice The head with the export side recorded (its line 0 was zero until now).
    /// @param s The head.
    /// @param quantity Exported amount of line 0.
    /// @return The updated head.
    function withExport(ShipmentHead s, uint96 quantity) internal pure returns (ShipmentHead) {
        return ShipmentHead.wrap(ShipmentHead.unwrap(s) | EXPORT_FLAG | uint256(quantity));
    }

    /// @notice The head with the import side recorded (its line 0 was zero until now).
    /// @param s The head.
    /// @param quantity Imported amount of line 0.
    /// @return The updated head.
    function withImport(ShipmentHead s, uint96 quantity) internal pure returns (ShipmentHead) {
        return ShipmentHead.wrap(ShipmentHead.unwrap(s) | IMPORT_FLAG | uint256(quantity) << 96);
    }
}

// forge-lint: disable-end(unsafe-typecast)
