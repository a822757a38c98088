// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityCheck} from "../authority/AuthorityCheck.sol";
import {AuthorityKind, AuthorityProfile} from "../authority/AuthorityTypes.sol";
import {Country} from "../common/Country.sol";
import {IPermitRegistry} from "./IPermitRegistry.sol";
import {PermitStorage} from "./PermitStorage.sol";
import {PermitInput, PermitState, PermitType} from "./PermitTypes.sol";

/// @title PermitLifecycle
/// @notice The issuer side of the ledger: register, cancel and replace permits.
abstract contract PermitLifecycle is PermitStorage {
    using AuthorityCheck for AuthorityProfile;

    /// @inheritdoc IPermitRegistry
    function register(PermitInput calldata permit) external {
        _requireIssuer();
        _store(permit, permit.previousKey);
    }

    /// @inheritdoc IPermitRegistry
    function registerBatch(PermitInput[] calldata permits) external {
        uint256 n = permits.length;
        if (n == 0 || n > MAX_BATCH) revert InvalidBatchSize(n, MAX_BATCH);
        // One authority check covers the whole batch: that is what makes batches cheap.
        _requireIssuer();
        for (uint256 i; i < n; ++i) {
            _store(permits[i], permits[i].previousKey);
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
        _store(newPermit, oldKey);
        _replacementKeys[oldKey] = newKey;
        emit PermitReplaced(oldKey, newKey, msg.sender, actorRef, reasonCode);
    }

    /// @dev Reverts unless msg.sender is an active Issuer (any country: the permit takes the issuer's).
    function _requireIssuer() private view {
        _authorities.profileOf(msg.sender).requireActiveKind(msg.sender, AuthorityKind.Issuer);
    }

    /// @dev Validates `input` and writes it as a new active permit issued by msg.sender.
    function _store(PermitInput calldata input, bytes32 previousKey) private {
        bytes32 key = input.key;
        if (key == bytes32(0)) revert ZeroPermitKey();
        if (input.documentHash == bytes32(0)) revert ZeroDocumentHash(key);
        if (input.validFrom >= input.validUntil) revert InvalidValidity(key, input.validFrom, input.validUntil);
        bytes2 destination = input.destination;
        if (destination != bytes2(0)) Country.requireValid(destination);
        uint256 lineCount = input.lines.length;
        if (lineCount == 0 || lineCount > MAX_LINES) revert InvalidLineCount(key, lineCount);
        if (input.maxShipments == 0 && input.permitType != PermitType.CitesCertificate) {
            revert UnlimitedShipmentsNotAllowed(key, input.permitType);
        }

        PermitRecord storage p = _permits[key];
        if (p.header.state != PermitState.None) revert PermitAlreadyRegistered(key);
        if (previousKey == key) revert SelfReference(key);

        uint96 first = input.lines[0];
        if (first == 0) revert ZeroAuthorisedQuantity(key, 0);
        p.documentHash = input.documentHash;
        p.header = PermitHeader({
            issuer: msg.sender,
            validFrom: input.validFrom,
            validUntil: input.validUntil,
            permitType: input.permitType,
            state: PermitState.Active
        });
        p.usage = PermitUsage({
            authorised: first,
            used: 0,
            // casting to 'uint8' is safe because lineCount <= MAX_LINES (16) was checked above
            // forge-lint: disable-next-line(unsafe-typecast)
            lineCount: uint8(lineCount),
            maxShipments: input.maxShipments,
            shipmentsUsed: 0,
            destination: destination,
            cancelReason: 0
        });
        for (uint256 i = 1; i < lineCount; ++i) {
            uint96 authorised = input.lines[i];
            if (authorised == 0) revert ZeroAuthorisedQuantity(key, i);
            p.moreLines[i - 1].authorised = authorised;
        }
        if (previousKey != bytes32(0)) _previousKeys[key] = previousKey;
        emit PermitRegistered(key, msg.sender, input.actorRef, input.documentHash);
    }

    /// @dev Authorises msg.sender as an active issuer of the permit's country and closes the
    /// active permit `key` with `state` (Cancelled or Replaced).
    function _close(bytes32 key, uint8 reasonCode, PermitState state) private {
        if (reasonCode == 0) revert ZeroReasonCode(key);
        PermitRecord storage p = _permits[key];
        PermitState current = p.header.state;
        if (current == PermitState.None) revert UnknownPermit(key);
        (AuthorityProfile memory actor, AuthorityProfile memory issuer) =
            _authorities.profilesOf(msg.sender, p.header.issuer);
        actor.requireActive(msg.sender, AuthorityKind.Issuer, issuer.country);
        if (current != PermitState.Active) revert PermitAlreadyClosed(key, current);
        p.header.state = state;
        p.usage.cancelReason = reasonCode;
    }
}
