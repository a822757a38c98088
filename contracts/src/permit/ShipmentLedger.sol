// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityCheck} from "../authority/AuthorityCheck.sol";
import {AuthorityKind, AuthorityStatus} from "../authority/AuthorityTypes.sol";
import {IPermitRegistry} from "./IPermitRegistry.sol";
import {PermitHeader, PermitUsage, ShipmentHead} from "./PermitSlots.sol";
import {PermitStorage} from "./PermitStorage.sol";
import {PermitState, VerificationReason} from "./PermitTypes.sol";

/// @title ShipmentLedger
/// @notice The customs side of the ledger: the export side records shipments, the import
/// side confirms arrivals. Whichever side records a shipment reference first consumes the
/// permit; the other side's record of the same reference never consumes twice.
/// @dev A shipment consumes, per line, max(exported, imported): the first record consumes
/// its quantities, a later import must not exceed the export, and a later export (its
/// customs connected late) must be at least the import and consumes only the difference.
/// A repeat by the same side with the same quantities is checked before the permit's
/// validity, so a retry of a shipment that succeeded always succeeds (as a no-op).
abstract contract ShipmentLedger is PermitStorage {
    /// @inheritdoc IPermitRegistry
    function recordShipment(bytes32 key, bytes32 shipmentRef, uint96[] calldata quantities, bytes32 actorRef)
        external
        returns (bool recorded)
    {
        (PermitRecord storage p, PermitUsage u, AuthorityStatus issuerStatus) =
            _authorise(key, shipmentRef, quantities, true);
        ShipmentRecord storage s = _shipments[key][shipmentRef];
        ShipmentHead head = s.head;
        if (head.exportRecorded()) return _repeat(key, shipmentRef, s, head.exported0(), quantities, true);
        _requireUsable(key, p.header, issuerStatus);
        _requireNonEmpty(key, shipmentRef, quantities);

        p.usage = head.importRecorded()
            ? _consumeAboveArrival(key, shipmentRef, p, u, s, quantities)
            : _consumeNewShipment(key, p, u, quantities);
        s.head = head.withExport(quantities[0]);
        _saveMoreLines(s, quantities, true);
        emit ShipmentRecorded(key, shipmentRef, msg.sender, actorRef, quantities);
        return true;
    }

    /// @inheritdoc IPermitRegistry
    function confirmArrival(bytes32 key, bytes32 shipmentRef, uint96[] calldata quantities, bytes32 actorRef)
        external
        returns (bool recorded)
    {
        (PermitRecord storage p, PermitUsage u, AuthorityStatus issuerStatus) =
            _authorise(key, shipmentRef, quantities, false);
        ShipmentRecord storage s = _shipments[key][shipmentRef];
        ShipmentHead head = s.head;
        if (head.importRecorded()) return _repeat(key, shipmentRef, s, head.imported0(), quantities, false);
        _requireUsable(key, p.header, issuerStatus);
        _requireNonEmpty(key, shipmentRef, quantities);

        bool consumed = !head.exportRecorded();
        if (consumed) p.usage = _consumeNewShipment(key, p, u, quantities);
        else _requireWithinExport(key, shipmentRef, s, head.exported0(), quantities);
        s.head = head.withImport(quantities[0]);
        _saveMoreLines(s, quantities, false);
        emit ArrivalConfirmed(key, shipmentRef, msg.sender, actorRef, quantities, consumed);
        return true;
    }

    /// @dev Checks the input shape and the caller: the export side must be an active Customs
    /// of the issuer's country, the import side one of the permit's destination. Returns the
    /// permit, its usage word and the issuer's status.
    function _authorise(bytes32 key, bytes32 shipmentRef, uint96[] calldata quantities, bool exportSide)
        private
        view
        returns (PermitRecord storage p, PermitUsage u, AuthorityStatus issuerStatus)
    {
        if (shipmentRef == bytes32(0)) revert ZeroShipmentRef(key);
        p = _permits[key];
        PermitHeader h = p.header;
        if (h.state() == PermitState.None) revert PermitNotUsable(key, VerificationReason.Unknown);
        u = p.usage;
        bytes2 destination = u.destination();
        if (!exportSide && destination == bytes2(0)) revert NoDestination(key);
        issuerStatus = _requireCustoms(h.issuer(), exportSide, destination);
        if (quantities.length != u.lineCount()) revert LineCountMismatch(key, u.lineCount(), quantities.length);
    }

    /// @dev One registry call: reverts unless msg.sender is an active Customs of the issuer's
    /// country (export side) or of `destination` (import side); returns the issuer's status.
    function _requireCustoms(address issuer, bool exportSide, bytes2 destination)
        private
        view
        returns (AuthorityStatus)
    {
        (
            bytes2 country,
            AuthorityKind kind,
            AuthorityStatus status,
            bytes2 issuerCountry,
            AuthorityStatus issuerStatus
        ) = _authorities.profilesOf(msg.sender, issuer);
        AuthorityCheck.requireActiveIn(
            msg.sender, country, kind, status, AuthorityKind.Customs, exportSide ? issuerCountry : destination
        );
        return issuerStatus;
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
    function _requireUsable(bytes32 key, PermitHeader h, AuthorityStatus issuerStatus) private view {
        VerificationReason reason = _availability(h, issuerStatus);
        if (reason != VerificationReason.None) revert PermitNotUsable(key, reason);
    }

    function _requireNonEmpty(bytes32 key, bytes32 shipmentRef, uint96[] calldata quantities) private pure {
        for (uint256 i; i < quantities.length; ++i) {
            if (quantities[i] != 0) return;
        }
        revert EmptyShipment(key, shipmentRef);
    }

    /// @dev Counts a new shipment against maxShipments (0 = unlimited, up to the counter's
    /// range) and consumes its quantities. Returns the updated usage word.
    function _consumeNewShipment(bytes32 key, PermitRecord storage p, PermitUsage u, uint96[] calldata quantities)
        private
        returns (PermitUsage)
    {
        uint16 shipments = u.shipmentsUsed();
        uint16 maxShipments = u.maxShipments();
        if ((maxShipments != 0 && shipments >= maxShipments) || shipments == type(uint16).max) {
            revert ShipmentLimitReached(key, shipments, maxShipments);
        }
        u = u.withShipmentsUsed(shipments + 1);
        for (uint256 i; i < quantities.length; ++i) {
            u = _useLine(key, p, u, i, quantities[i]);
        }
        return u;
    }

    /// @dev A late export record for a shipment the import side already consumed: each line
    /// must be at least the arrival and consumes only the difference. No new shipment.
    function _consumeAboveArrival(
        bytes32 key,
        bytes32 shipmentRef,
        PermitRecord storage p,
        PermitUsage u,
        ShipmentRecord storage s,
        uint96[] calldata exported
    ) private returns (PermitUsage) {
        for (uint256 i; i < exported.length; ++i) {
            uint96 arrived = i == 0 ? s.head.imported0() : s.moreLines[i - 1].imported;
            if (exported[i] < arrived) revert ExportBelowArrival(key, shipmentRef, i, exported[i], arrived);
            u = _useLine(key, p, u, i, exported[i] - arrived);
        }
        return u;
    }

    /// @dev Adds `amount` to line `i`'s used quantity within what is left. Line 0 is updated
    /// in the returned usage word (stored by the caller), other lines in storage.
    function _useLine(bytes32 key, PermitRecord storage p, PermitUsage u, uint256 i, uint96 amount)
        private
        returns (PermitUsage)
    {
        if (amount == 0) return u;
        if (i == 0) {
            uint96 remaining = u.authorised0() - u.used0();
            if (amount > remaining) revert QuantityExceeded(key, 0, amount, remaining);
            return u.withUsed0(u.used0() + amount);
        }
        LineUsage storage line = p.moreLines[i - 1];
        uint96 used = line.used;
        uint96 left = line.authorised - used;
        if (amount > left) revert QuantityExceeded(key, i, amount, left);
        line.used = used + amount;
        return u;
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

    /// @dev Stores one side's quantities of lines 1.. (line 0 lives in the head word); a
    /// zero needs no write.
    function _saveMoreLines(ShipmentRecord storage s, uint96[] calldata q, bool exportSide) private {
        for (uint256 i = 1; i < q.length; ++i) {
            if (q[i] == 0) continue;
            if (exportSide) s.moreLines[i - 1].exported = q[i];
            else s.moreLines[i - 1].imported = q[i];
        }
    }
}
