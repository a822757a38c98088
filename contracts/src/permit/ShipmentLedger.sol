// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityCheck} from "../authority/AuthorityCheck.sol";
import {AuthorityKind, AuthorityProfile, AuthorityStatus} from "../authority/AuthorityTypes.sol";
import {IPermitRegistry} from "./IPermitRegistry.sol";
import {PermitStorage} from "./PermitStorage.sol";
import {VerificationReason} from "./PermitTypes.sol";

/// @title ShipmentLedger
/// @notice The customs side of the ledger: the export side records shipments, the import
/// side confirms arrivals. Whichever side records a shipment reference first consumes the
/// permit; the other side's record of the same reference never consumes twice.
/// @dev A shipment consumes, per line, max(exported, imported): the first record consumes
/// its quantities, a later import must not exceed the export, and a later export (its
/// customs connected late) must be at least the import and consumes only the difference.
abstract contract ShipmentLedger is PermitStorage {
    using AuthorityCheck for AuthorityProfile;

    /// @inheritdoc IPermitRegistry
    function recordShipment(bytes32 key, bytes32 shipmentRef, uint96[] calldata quantities, bytes32 actorRef)
        external
        returns (bool recorded)
    {
        (PermitUsage memory u, AuthorityStatus issuerStatus) = _authorise(key, shipmentRef, quantities, true);
        ShipmentRecord storage s = _shipments[key][shipmentRef];
        ShipmentHead memory head = s.head;
        if (head.exportRecorded) return _repeat(key, shipmentRef, s, head.exported, quantities, true);
        _requireUsable(key, issuerStatus);
        _requireNonEmpty(key, shipmentRef, quantities);

        _consumeForExport(key, shipmentRef, s, head.importRecorded ? head.imported : 0, u, quantities, head.importRecorded);
        head.exportRecorded = true;
        head.exported = quantities[0];
        _saveQuantities(s, head, quantities, true);
        emit ShipmentRecorded(key, shipmentRef, msg.sender, actorRef, quantities);
        return true;
    }

    /// @inheritdoc IPermitRegistry
    function confirmArrival(bytes32 key, bytes32 shipmentRef, uint96[] calldata quantities, bytes32 actorRef)
        external
        returns (bool recorded)
    {
        (PermitUsage memory u, AuthorityStatus issuerStatus) = _authorise(key, shipmentRef, quantities, false);
        ShipmentRecord storage s = _shipments[key][shipmentRef];
        ShipmentHead memory head = s.head;
        if (head.importRecorded) return _repeat(key, shipmentRef, s, head.imported, quantities, false);
        _requireUsable(key, issuerStatus);
        _requireNonEmpty(key, shipmentRef, quantities);

        bool consumed = !head.exportRecorded;
        if (consumed) _consumeNewShipment(key, u, quantities);
        else _requireWithinExport(key, shipmentRef, s, head.exported, quantities);
        head.importRecorded = true;
        head.imported = quantities[0];
        _saveQuantities(s, head, quantities, false);
        emit ArrivalConfirmed(key, shipmentRef, msg.sender, actorRef, quantities, consumed);
        return true;
    }

    /// @dev Consumes the permit for an export record: a new shipment when the import side
    /// has not confirmed this reference, otherwise only what the export adds on top of the
    /// arrival (`arrivedFirstLine` is the confirmed line 0).
    function _consumeForExport(
        bytes32 key,
        bytes32 shipmentRef,
        ShipmentRecord storage s,
        uint96 arrivedFirstLine,
        PermitUsage memory u,
        uint96[] calldata exported,
        bool arrivalConfirmed
    ) private {
        if (!arrivalConfirmed) {
            _consumeNewShipment(key, u, exported);
            return;
        }
        PermitRecord storage p = _permits[key];
        _consume(key, p, u, _exportAboveArrival(key, shipmentRef, s, arrivedFirstLine, exported));
        _saveUsage(p, u);
    }

    /// @dev Counts a new shipment and consumes its quantities.
    function _consumeNewShipment(bytes32 key, PermitUsage memory u, uint96[] calldata quantities) private {
        PermitRecord storage p = _permits[key];
        _countShipment(key, u);
        _consume(key, p, u, quantities);
        _saveUsage(p, u);
    }

    /// @dev Checks everything about the caller and the input shape, in one registry call:
    /// export side needs an active Customs of the issuer's country, import side an active
    /// Customs of the permit's destination. Returns the permit's usage slot and the
    /// issuer's status.
    function _authorise(bytes32 key, bytes32 shipmentRef, uint96[] calldata quantities, bool exportSide)
        private
        view
        returns (PermitUsage memory u, AuthorityStatus issuerStatus)
    {
        if (shipmentRef == bytes32(0)) revert ZeroShipmentRef(key);
        PermitRecord storage p = _permits[key];
        address issuerAccount = p.header.issuer;
        if (issuerAccount == address(0)) revert PermitNotUsable(key, VerificationReason.Unknown);
        u = p.usage;
        if (!exportSide && u.destination == bytes2(0)) revert NoDestination(key);
        (AuthorityProfile memory actor, AuthorityProfile memory issuer) =
            _authorities.profilesOf(msg.sender, issuerAccount);
        actor.requireActive(msg.sender, AuthorityKind.Customs, exportSide ? issuer.country : u.destination);
        if (quantities.length != u.lineCount) revert LineCountMismatch(key, u.lineCount, quantities.length);
        return (u, issuer.status);
    }

    /// @dev A side recording the same reference again: a no-op with the same quantities,
    /// a conflict otherwise.
    function _repeat(
        bytes32 key,
        bytes32 shipmentRef,
        ShipmentRecord storage s,
        uint96 firstLine,
        uint96[] calldata quantities,
        bool exportSide
    ) private view returns (bool) {
        bool same = quantities[0] == firstLine;
        for (uint256 i = 1; same && i < quantities.length; ++i) {
            ShipmentLine storage line = s.moreLines[i - 1];
            same = quantities[i] == (exportSide ? line.exported : line.imported);
        }
        if (!same) revert ShipmentConflict(key, shipmentRef);
        return false;
    }

    /// @dev Reverts with the reason when the permit cannot be used now (exhaustion aside:
    /// limits are checked per line and per shipment when consuming).
    function _requireUsable(bytes32 key, AuthorityStatus issuerStatus) private view {
        VerificationReason reason = _availability(_permits[key].header, issuerStatus);
        if (reason != VerificationReason.None) revert PermitNotUsable(key, reason);
    }

    function _requireNonEmpty(bytes32 key, bytes32 shipmentRef, uint96[] calldata quantities) private pure {
        for (uint256 i; i < quantities.length; ++i) {
            if (quantities[i] != 0) return;
        }
        revert EmptyShipment(key, shipmentRef);
    }

    /// @dev Counts a new shipment against maxShipments (0 = unlimited up to the counter's range).
    function _countShipment(bytes32 key, PermitUsage memory u) private pure {
        uint16 used = u.shipmentsUsed;
        if ((u.maxShipments != 0 && used >= u.maxShipments) || used == type(uint16).max) {
            revert ShipmentLimitReached(key, used, u.maxShipments);
        }
        u.shipmentsUsed = used + 1;
    }

    /// @dev Adds `amounts` to the used quantities, each line within what is left. Line 0 is
    /// updated in `u` (saved by the caller), lines 1.. directly in storage.
    function _consume(bytes32 key, PermitRecord storage p, PermitUsage memory u, uint96[] memory amounts) private {
        uint96 amount = amounts[0];
        uint96 remaining = u.authorised - u.used;
        if (amount > remaining) revert QuantityExceeded(key, 0, amount, remaining);
        u.used += amount;
        for (uint256 i = 1; i < amounts.length; ++i) {
            amount = amounts[i];
            if (amount == 0) continue;
            LineUsage storage line = p.moreLines[i - 1];
            remaining = line.authorised - line.used;
            if (amount > remaining) revert QuantityExceeded(key, i, amount, remaining);
            line.used += amount;
        }
    }

    /// @dev A late export record for a shipment the import side already consumed: returns
    /// per line what the export adds on top of the arrival.
    function _exportAboveArrival(
        bytes32 key,
        bytes32 shipmentRef,
        ShipmentRecord storage s,
        uint96 arrivedFirstLine,
        uint96[] calldata exported
    ) private view returns (uint96[] memory extra) {
        extra = new uint96[](exported.length);
        for (uint256 i; i < exported.length; ++i) {
            uint96 arrived = i == 0 ? arrivedFirstLine : s.moreLines[i - 1].imported;
            if (exported[i] < arrived) revert ExportBelowArrival(key, shipmentRef, i, exported[i], arrived);
            extra[i] = exported[i] - arrived;
        }
    }

    /// @dev An import confirmation for an exported shipment: never more than exported, per line.
    function _requireWithinExport(
        bytes32 key,
        bytes32 shipmentRef,
        ShipmentRecord storage s,
        uint96 exportedFirstLine,
        uint96[] calldata arrived
    ) private view {
        for (uint256 i; i < arrived.length; ++i) {
            uint96 exported = i == 0 ? exportedFirstLine : s.moreLines[i - 1].exported;
            if (arrived[i] > exported) revert ArrivalExceedsExport(key, shipmentRef, i, arrived[i], exported);
        }
    }

    /// @dev Writes back the fields of the usage slot that shipments change.
    function _saveUsage(PermitRecord storage p, PermitUsage memory u) private {
        p.usage.used = u.used;
        p.usage.shipmentsUsed = u.shipmentsUsed;
    }

    /// @dev Stores one side's quantities: line 0 with the flags in the head slot, other
    /// lines only when non-zero (a zero needs no write).
    function _saveQuantities(ShipmentRecord storage s, ShipmentHead memory head, uint96[] calldata q, bool exportSide)
        private
    {
        s.head = head;
        for (uint256 i = 1; i < q.length; ++i) {
            if (q[i] == 0) continue;
            if (exportSide) s.moreLines[i - 1].exported = q[i];
            else s.moreLines[i - 1].imported = q[i];
        }
    }
}
