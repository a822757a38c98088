// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityStatus} from "../authority/AuthorityTypes.sol";
import {IAuthorityRegistry} from "../authority/IAuthorityRegistry.sol";
import {IPermitRegistry} from "./IPermitRegistry.sol";
import {PermitState, PermitType, VerificationReason} from "./PermitTypes.sol";

/// @title PermitStorage
/// @notice Storage layout of the permit ledger and the rules every part reads it by.
/// @dev Packed so that a one-line permit costs three new slots and a shipment one:
///   permit slot 0: documentHash
///   permit slot 1: issuer(20) validFrom(5) validUntil(5) permitType(1) state(1)   = 32 bytes
///   permit slot 2: line 0 authorised(12) used(12) + lineCount(1) maxShipments(2)
///                  shipmentsUsed(2) destination(2) cancelReason(1)               = 32 bytes
///   permit slots 3..17: lines 1..15, authorised(12) used(12), written only if present
///   shipment slot 0: line 0 exported(12) imported(12) + exportRecorded(1) importRecorded(1)
///   shipment slots 1..15: lines 1..15 exported(12) imported(12), written only if non-zero
///   previous/replacement keys: separate mappings, written only when set.
/// The only external calls go to the AuthorityRegistry fixed at deployment, and they are
/// view (STATICCALL) calls, so no reentrancy is possible.
abstract contract PermitStorage is IPermitRegistry {
    /// @notice Most quantity lines one permit may carry.
    uint256 public constant MAX_LINES = 16;

    /// @notice Most permits one registerBatch call may carry (bounds the transaction's gas).
    uint256 public constant MAX_BATCH = 100;

    /// @dev Slot 1 of a permit: who issued it, when it is valid, what it is, its state.
    struct PermitHeader {
        address issuer;
        uint40 validFrom;
        uint40 validUntil;
        PermitType permitType;
        PermitState state;
    }

    /// @dev Slot 2 of a permit: line 0 and the per-permit counters that change with it.
    struct PermitUsage {
        uint96 authorised;
        uint96 used;
        uint8 lineCount;
        uint16 maxShipments;
        uint16 shipmentsUsed;
        bytes2 destination;
        uint8 cancelReason;
    }

    /// @dev Lines 1..15 of a permit, one slot each.
    struct LineUsage {
        uint96 authorised;
        uint96 used;
    }

    /// @dev A permit; unused line slots are never written and cost nothing.
    struct PermitRecord {
        bytes32 documentHash;
        PermitHeader header;
        PermitUsage usage;
        LineUsage[MAX_LINES - 1] moreLines;
    }

    /// @dev Slot 0 of a shipment record: line 0 of both sides and which sides recorded.
    struct ShipmentHead {
        uint96 exported;
        uint96 imported;
        bool exportRecorded;
        bool importRecorded;
    }

    /// @dev Lines 1..15 of a shipment record, one slot each.
    struct ShipmentLine {
        uint96 exported;
        uint96 imported;
    }

    /// @dev What the two sides recorded for one shipment reference of one permit.
    struct ShipmentRecord {
        ShipmentHead head;
        ShipmentLine[MAX_LINES - 1] moreLines;
    }

    /// @dev The registry every authorisation is checked against.
    IAuthorityRegistry internal immutable _authorities;

    mapping(bytes32 key => PermitRecord) internal _permits;
    mapping(bytes32 key => mapping(bytes32 shipmentRef => ShipmentRecord)) internal _shipments;
    mapping(bytes32 key => bytes32 previousKey) internal _previousKeys;
    mapping(bytes32 key => bytes32 replacementKey) internal _replacementKeys;

    /// @param authorityRegistry_ The AuthorityRegistry; must be a contract.
    constructor(address authorityRegistry_) {
        if (authorityRegistry_.code.length == 0) revert InvalidAuthorityRegistry(authorityRegistry_);
        _authorities = IAuthorityRegistry(authorityRegistry_);
    }

    /// @dev Why a permit cannot be used now, ignoring exhaustion; None when it can.
    /// Block time comes from the validators, who are the network's own authorities (QBFT),
    /// and validity windows are days to months long: seconds of drift change nothing.
    function _availability(PermitHeader memory h, AuthorityStatus issuerStatus)
        internal
        view
        returns (VerificationReason)
    {
        if (h.state == PermitState.None) return VerificationReason.Unknown;
        if (h.state == PermitState.Cancelled) return VerificationReason.Cancelled;
        if (h.state == PermitState.Replaced) return VerificationReason.Replaced;
        if (issuerStatus != AuthorityStatus.Active) return VerificationReason.IssuerSuspended;
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp < h.validFrom) return VerificationReason.NotYetValid;
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp >= h.validUntil) return VerificationReason.Expired;
        return VerificationReason.None;
    }

    /// @dev Authorised and used amounts of line `i`; line 0 lives in the usage slot.
    function _line(PermitRecord storage p, PermitUsage memory u, uint256 i)
        internal
        view
        returns (uint96 authorised, uint96 used)
    {
        if (i == 0) return (u.authorised, u.used);
        LineUsage storage line = p.moreLines[i - 1];
        return (line.authorised, line.used);
    }
}
