// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityCheck} from "../authority/AuthorityCheck.sol";
import {AuthorityKind, AuthorityStatus} from "../authority/AuthorityTypes.sol";
import {Country} from "../common/Country.sol";
import {IPermitRegistry} from "./IPermitRegistry.sol";
import {PermitHeader, PermitHeaderLib, PermitUsageLib} from "./PermitSlots.sol";
import {PermitStorage} from "./PermitStorage.sol";
import {PermitInput, PermitState, PermitType} from "./PermitTypes.sol";

/// @title PermitLifecycle
/// @notice The issuer side of the ledger: register, cancel and replace permits.
abstract contract PermitLifecycle is PermitStorage {
    /// @inheritdoc IPermitRegistry
    function register(PermitInput calldata permit) external {
        _requireIssuer();
        _store(permit);
    }

    /// @inheritdoc IPermitRegistry
    function registerBatch(PermitInput[] calldata permits) external {
        uint256 n = permits.length;
        if (n == 0 || n > MAX_BATCH) revert InvalidBatchSize(n, MAX_BATCH);
        // One authority check covers the whole batch: that is what makes batches cheap.
        _requireIssuer();
        for (uint256 i; i < n; ++i) {
            _store(permits[i]);
        }
    }

    /// @inheritdoc IPermitRegistry
    function cancel(bytes32 key, uint8 reasonCode, bytes32 actorRef) external {
        _close(key, reasonCode, PermitState.Cancelled);
        emit PermitCancelled(key, msg.sender, actorRef, reasonCode);
    }

    /// @inheritdoc IPermitRegistry
    function replace(bytes32 oldKey, uint8 reasonCode, PermitInput calldata newPermit, bytes32 actorRef) external {
        bytes32 newKey = newPermit.key;
        bytes32 previous = newPermit.previousKey;
        if (previous != bytes32(0) && previous != oldKey) revert PreviousKeyMismatch(newKey, previous, oldKey);
        // _close authorises the caller as an active issuer of the old permit's country,
        // which is also what registering the new permit needs.
        _close(oldKey, reasonCode, PermitState.Replaced);
        _store(newPermit);
        _previousKeys[newKey] = oldKey;
        _replacementKeys[oldKey] = newKey;
        emit PermitReplaced(oldKey, newKey, msg.sender, actorRef, reasonCode);
    }

    /// @dev Reverts unless msg.sender is an active Issuer (any country: the permit takes the issuer's).
    function _requireIssuer() private view {
        (, AuthorityKind kind, AuthorityStatus status) = _authorities.profileOf(msg.sender);
        AuthorityCheck.requireActive(msg.sender, kind, status, AuthorityKind.Issuer);
    }

    /// @dev Validates `input` and writes it as a new active permit issued by msg.sender.
    function _store(PermitInput calldata input) private {
        bytes32 key = input.key;
        bytes32 previousKey = input.previousKey;
        bytes32 documentHash = input.documentHash;
        uint40 validFrom = input.validFrom;
        uint40 validUntil = input.validUntil;
        PermitType permitType = input.permitType;
        bytes2 destination = input.destination;
        uint16 maxShipments = input.maxShipments;
        uint96[] calldata lines = input.lines;
        uint96 firstLine = lines.length == 0 ? 0 : lines[0];

        if (key == bytes32(0)) revert ZeroPermitKey();
        if (documentHash == bytes32(0)) revert ZeroDocumentHash(key);
        if (validFrom >= validUntil) revert InvalidValidity(key, validFrom, validUntil);
        if (destination != bytes2(0)) Country.requireValid(destination);
        if (lines.length == 0 || lines.length > MAX_LINES) revert InvalidLineCount(key, lines.length);
        if (maxShipments == 0 && permitType != PermitType.CitesCertificate) {
            revert UnlimitedShipmentsNotAllowed(key, permitType);
        }
        PermitRecord storage p = _permits[key];
        if (PermitHeader.unwrap(p.header) != 0) revert PermitAlreadyRegistered(key);
        if (previousKey == key) revert SelfReference(key);
        if (firstLine == 0) revert ZeroAuthorisedQuantity(key, 0);

        p.documentHash = documentHash;
        p.header = PermitHeaderLib.pack(msg.sender, validFrom, validUntil, permitType, PermitState.Active);
        // casting to 'uint8' is safe because lines.length <= MAX_LINES (16) was checked above
        // forge-lint: disable-next-line(unsafe-typecast)
        p.usage = PermitUsageLib.pack(firstLine, uint8(lines.length), maxShipments, destination);
        for (uint256 i = 1; i < lines.length; ++i) {
            if (lines[i] == 0) revert ZeroAuthorisedQuantity(key, i);
            p.moreLines[i - 1].authorised = lines[i];
        }
        if (previousKey != bytes32(0)) _previousKeys[key] = previousKey;
        emit PermitRegistered(key, msg.sender, input.actorRef, documentHash);
    }

    /// @dev Authorises msg.sender as an active issuer of the permit's country and closes the
    /// active permit `key` with `state` (Cancelled or Replaced).
    function _close(bytes32 key, uint8 reasonCode, PermitState state) private {
        if (reasonCode == 0) revert ZeroReasonCode(key);
        PermitRecord storage p = _permits[key];
        PermitHeader h = p.header;
        PermitState current = h.state();
        if (current == PermitState.None) revert UnknownPermit(key);
        (bytes2 country, AuthorityKind kind, AuthorityStatus status, bytes2 issuerCountry,) =
            _authorities.profilesOf(msg.sender, h.issuer());
        AuthorityCheck.requireActiveIn(msg.sender, country, kind, status, AuthorityKind.Issuer, issuerCountry);
        if (current != PermitState.Active) revert PermitAlreadyClosed(key, current);
        p.header = h.withState(state);
        p.usage = p.usage.withCancelReason(reasonCode);
    }
}
