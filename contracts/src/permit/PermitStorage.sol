// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityStatus} from "../authority/AuthorityTypes.sol";
import {IAuthorityRegistry} from "../authority/IAuthorityRegistry.sol";
import {IPermitRegistry} from "./IPermitRegistry.sol";
import {PermitHeader, PermitUsage, ShipmentHead} from "./PermitSlots.sol";
import {PermitState, VerificationReason} from "./PermitTypes.sol";

/// @title PermitStorage
/// @notice Storage layout of the permit ledger and the rules every part reads it by.
/// @dev Packed so that a one-line permit costs three new slots and a shipment one:
///   permit slot 0: documentHash
///   permit slot 1: header = issuer, validFrom, validUntil, permitType, state (32 bytes)
///   permit slot 2: usage  = line 0 authorised and used, lineCount, maxShipments,
///                  shipmentsUsed, destination, cancelReason (32 bytes)
///   permit slots 3..17: lines 1..15, authorised and used, written only if present
///   shipment slot 0: head = line 0 exported and imported, and which sides recorded
///   shipment slots 1..15: lines 1..15 exported and imported, written only if non-zero
///   previous/replacement keys: separate mappings, written only when set.
/// Slots 1 and 2 and the shipment head are packed words with named fields (PermitSlots.sol).
/// A permit exists exactly when its header word is non-zero (its issuer is never zero).
/// The only external calls go to the AuthorityRegistry fixed at deployment, and they are
/// view (STATICCALL) calls, so no reentrancy is possible.
abstract contract PermitStorage is IPermitRegistry {
    /// @notice Most quantity lines one permit may carry.
    uint256 public constant MAX_LINES = 16;

    /// @notice Most permits one registerBatch call may carry (bounds the transaction's gas).
    uint256 public constant MAX_BATCH = 100;

    /// @notice Most keys one verifyManyAtHead call may carry: bounds the eth_call's gas
    /// (18M for 256 distinct cold 16-line permits, under Besu's default rpc-gas-cap of
    /// 50M and anvil's, the block gas limit).
    uint256 public constant MAX_VERIFY_BATCH = 256;

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

    /// @dev Lines 1..15 of a shipment record, one slot each.
    struct ShipmentLine {
        uint96 exported;
        uint96 imported;
    }

    /// @dev What the two border sides recorded for one shipment reference of one permit.
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
    function _availability(PermitHeader h, AuthorityStatus issuerStatus) internal view returns (VerificationReason) {
        PermitState state = h.state();
        if (state == PermitState.None) return VerificationReason.Unknown;
        if (state == PermitState.Cancelled) return VerificationReason.Cancelled;
        if (state == PermitState.Replaced) return VerificationReason.Replaced;
        if (issuerStatus != AuthorityStatus.Active) return VerificationReason.IssuerSuspended;
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp < h.validFrom()) return VerificationReason.NotYetValid;
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp >= h.validUntil()) return VerificationReason.Expired;
        return VerificationReason.None;
    }

    /// @dev Authorised and used amounts of line `i`; line 0 lives in the usage word `u`.
    function _line(PermitRecord storage p, PermitUsage u, uint256 i)
        internal
        view
        returns (uint96 authorised, uint96 used)
    {
        if (i == 0) return (u.authorised0(), u.used0());
        LineUsage storage line = p.moreLines[i - 1];
        return (line.authorised, line.used);
    }
}
