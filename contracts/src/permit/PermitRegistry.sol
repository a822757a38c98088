// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityStatus} from "../authority/AuthorityTypes.sol";
import {IAuthorityRegistry} from "../authority/IAuthorityRegistry.sol";
import {IPermitRegistry} from "./IPermitRegistry.sol";
import {PermitLifecycle} from "./PermitLifecycle.sol";
import {PermitHeader, PermitUsage, ShipmentHead} from "./PermitSlots.sol";
import {PermitStorage} from "./PermitStorage.sol";
import {
    PermitState,
    PermitVerification,
    ShipmentView,
    VerificationReason,
    VerificationStatus
} from "./PermitTypes.sol";
import {ShipmentLedger} from "./ShipmentLedger.sol";

/// @title PermitRegistry
/// @notice The Permit Ledger: CITES permits and IPPC ePhytos anchored by their issuers,
/// consumed by customs, verified by anyone. Nothing is ever deleted; every change emits an
/// event naming the acting authority and the official's actorRef.
/// @dev Authorisation comes from the AuthorityRegistry given at deployment, read with one
/// view call per transaction. That is the only external call, so reentrancy is impossible.
contract PermitRegistry is PermitLifecycle, ShipmentLedger {
    /// @notice Deploys the ledger on top of an AuthorityRegistry.
    /// @param authorityRegistry_ The AuthorityRegistry contract.
    constructor(address authorityRegistry_) PermitStorage(authorityRegistry_) {}

    /// @inheritdoc IPermitRegistry
    function authorityRegistry() external view returns (IAuthorityRegistry) {
        return _authorities;
    }

    /// @inheritdoc IPermitRegistry
    function verify(bytes32 key) external view returns (PermitVerification memory v) {
        (v,) = _verify(key);
    }

    /// @inheritdoc IPermitRegistry
    function verifyAtHead(bytes32 key)
        external
        view
        returns (PermitVerification memory v, AuthorityStatus issuerStatus, uint64 blockNumber)
    {
        (v, issuerStatus) = _verify(key);
        blockNumber = uint64(block.number);
    }

    /// @inheritdoc IPermitRegistry
    function verifyManyAtHead(bytes32[] calldata keys)
        external
        view
        returns (PermitVerification[] memory v, AuthorityStatus[] memory issuerStatus, uint64 blockNumber)
    {
        uint256 n = keys.length;
        if (n > MAX_VERIFY_BATCH) revert VerifyBatchTooLarge(n, MAX_VERIFY_BATCH);
        v = new PermitVerification[](n);
        issuerStatus = new AuthorityStatus[](n);
        for (uint256 i; i < n; ++i) {
            (v[i], issuerStatus[i]) = _verify(keys[i]);
        }
        blockNumber = uint64(block.number);
    }

    /// @dev The verification and the issuer status it was judged with (None for an unknown permit).
    function _verify(bytes32 key) private view returns (PermitVerification memory v, AuthorityStatus issuerStatus) {
        PermitRecord storage p = _permits[key];
        PermitHeader h = p.header;
        if (h.state() == PermitState.None) {
            v.reason = VerificationReason.Unknown;
            return (v, issuerStatus);
        }
        PermitUsage u = p.usage;
        bytes2 issuerCountry;
        (issuerCountry,, issuerStatus) = _authorities.profileOf(h.issuer());

        v.issuer = h.issuer();
        v.issuerCountry = issuerCountry;
        v.permitType = h.permitType();
        v.validFrom = h.validFrom();
        v.validUntil = h.validUntil();
        v.destination = u.destination();
        v.shipmentsUsed = u.shipmentsUsed();
        v.maxShipments = u.maxShipments();
        v.documentHash = p.documentHash;
        v.previousKey = _previousKeys[key];
        v.replacementKey = _replacementKeys[key];
        v.cancelReason = u.cancelReason();

        uint256 lineCount = u.lineCount();
        v.authorised = new uint96[](lineCount);
        v.used = new uint96[](lineCount);
        bool linesLeft;
        for (uint256 i; i < lineCount; ++i) {
            (v.authorised[i], v.used[i]) = _line(p, u, i);
            if (v.used[i] < v.authorised[i]) linesLeft = true;
        }

        v.reason = _availability(h, issuerStatus);
        bool shipmentsLeft = v.maxShipments == 0 || v.shipmentsUsed < v.maxShipments;
        if (v.reason == VerificationReason.None && !(linesLeft && shipmentsLeft)) {
            v.reason = VerificationReason.Exhausted;
        }
        v.status = _statusOf(v.reason);
    }

    /// @inheritdoc IPermitRegistry
    function documentMatches(bytes32 key, bytes32 documentHash) external view returns (bool) {
        PermitRecord storage p = _permits[key];
        return PermitHeader.unwrap(p.header) != 0 && p.documentHash == documentHash;
    }

    /// @inheritdoc IPermitRegistry
    function shipmentOf(bytes32 key, bytes32 shipmentRef) external view returns (ShipmentView memory s) {
        uint256 lineCount = _permits[key].usage.lineCount();
        ShipmentRecord storage r = _shipments[key][shipmentRef];
        ShipmentHead head = r.head;
        s.exportRecorded = head.exportRecorded();
        s.importRecorded = head.importRecorded();
        s.exported = new uint96[](lineCount);
        s.imported = new uint96[](lineCount);
        if (lineCount == 0) return s;
        (s.exported[0], s.imported[0]) = (head.exported0(), head.imported0());
        for (uint256 i = 1; i < lineCount; ++i) {
            (s.exported[i], s.imported[i]) = (r.moreLines[i - 1].exported, r.moreLines[i - 1].imported);
        }
    }

    /// @dev EPIX status for a reason: Cancelled and Replaced are CANCELLED, None is VALID,
    /// everything else NOT_AVAILABLE.
    function _statusOf(VerificationReason reason) private pure returns (VerificationStatus) {
        if (reason == VerificationReason.None) return VerificationStatus.Valid;
        if (reason == VerificationReason.Cancelled || reason == VerificationReason.Replaced) {
            return VerificationStatus.Cancelled;
        }
        return VerificationStatus.NotAvailable;
    }
}
