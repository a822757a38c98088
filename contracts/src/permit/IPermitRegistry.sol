// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AuthorityStatus} from "../authority/AuthorityTypes.sol";
import {IAuthorityChecks} from "../authority/IAuthorityChecks.sol";
import {IAuthorityRegistry} from "../authority/IAuthorityRegistry.sol";
import {PermitInput, PermitState, PermitType, PermitVerification, ShipmentView, VerificationReason} from "./PermitTypes.sol";

/// @title IPermitRegistry
/// @notice The permit ledger: issuers anchor permits (document hash, validity, quantity
/// lines), customs record what crosses the border, and anyone verifies. A shipment consumes
/// the permit atomically and once, so an electronic permit cannot serve two shipments.
interface IPermitRegistry is IAuthorityChecks {
    // ----------------------------------------------------------------------------- events

    /// @notice A permit was anchored.
    /// @param key The permit key.
    /// @param issuer The registering issuer.
    /// @param actorRef Hash of the official's identity.
    /// @param documentHash The anchored document hash.
    event PermitRegistered(bytes32 indexed key, address indexed issuer, bytes32 actorRef, bytes32 documentHash);

    /// @notice A permit was cancelled.
    /// @param key The permit key.
    /// @param issuer The cancelling issuer.
    /// @param actorRef Hash of the official's identity.
    /// @param reasonCode The issuer's reason code.
    event PermitCancelled(bytes32 indexed key, address indexed issuer, bytes32 actorRef, uint8 reasonCode);

    /// @notice A permit was cancelled and replaced; the new one is announced by its own
    /// {PermitRegistered} event in the same transaction.
    /// @param oldKey The replaced permit.
    /// @param newKey The replacement.
    /// @param issuer The replacing issuer.
    /// @param actorRef Hash of the official's identity.
    /// @param reasonCode The issuer's reason code.
    event PermitReplaced(
        bytes32 indexed oldKey, bytes32 indexed newKey, address indexed issuer, bytes32 actorRef, uint8 reasonCode
    );

    /// @notice Export-side customs recorded a shipment.
    /// @param key The permit key.
    /// @param shipmentRef Hash of the transport document or declaration number.
    /// @param customs The recording customs authority.
    /// @param actorRef Hash of the official's identity.
    /// @param quantities Exported amount per line.
    event ShipmentRecorded(
        bytes32 indexed key, bytes32 indexed shipmentRef, address indexed customs, bytes32 actorRef, uint96[] quantities
    );

    /// @notice Import-side customs confirmed the quantities that arrived (EPIX CONFIRM QUANTITIES).
    /// @param key The permit key.
    /// @param shipmentRef Hash of the transport document or declaration number.
    /// @param customs The confirming customs authority.
    /// @param actorRef Hash of the official's identity.
    /// @param quantities Arrived amount per line.
    /// @param consumed True when the export side had not recorded this shipment, so the
    /// confirmation itself consumed the permit.
    event ArrivalConfirmed(
        bytes32 indexed key,
        bytes32 indexed shipmentRef,
        address indexed customs,
        bytes32 actorRef,
        uint96[] quantities,
        bool consumed
    );

    // ----------------------------------------------------------------------------- errors

    /// @notice The authority registry address has no code.
    /// @param registry The address given.
    error InvalidAuthorityRegistry(address registry);

    /// @notice A permit key must be non-zero.
    error ZeroPermitKey();

    /// @notice A document hash must be non-zero.
    /// @param key The permit key.
    error ZeroDocumentHash(bytes32 key);

    /// @notice validFrom must be strictly before validUntil.
    /// @param key The permit key.
    /// @param validFrom The given start.
    /// @param validUntil The given end.
    error InvalidValidity(bytes32 key, uint40 validFrom, uint40 validUntil);

    /// @notice A permit has 1..MAX_LINES quantity lines.
    /// @param key The permit key.
    /// @param count The number given.
    error InvalidLineCount(bytes32 key, uint256 count);

    /// @notice Every line authorises a non-zero amount.
    /// @param key The permit key.
    /// @param line The zero line's index.
    error ZeroAuthorisedQuantity(bytes32 key, uint256 line);

    /// @notice maxShipments 0 (unlimited) is only allowed for CitesCertificate.
    /// @param key The permit key.
    /// @param permitType The permit's type.
    error UnlimitedShipmentsNotAllowed(bytes32 key, PermitType permitType);

    /// @notice A permit cannot name itself as its previous permit.
    /// @param key The permit key.
    error SelfReference(bytes32 key);

    /// @notice A permit with this key exists already (keys are never reused).
    /// @param key The permit key.
    error PermitAlreadyRegistered(bytes32 key);

    /// @notice A batch carries 1..MAX_BATCH permits.
    /// @param size The number given.
    /// @param max MAX_BATCH.
    error InvalidBatchSize(uint256 size, uint256 max);

    /// @notice A verifyManyAtHead call carries at most MAX_VERIFY_BATCH keys.
    /// @param size The number of keys given.
    /// @param max MAX_VERIFY_BATCH.
    error VerifyBatchTooLarge(uint256 size, uint256 max);

    /// @notice No permit has this key.
    /// @param key The permit key.
    error UnknownPermit(bytes32 key);

    /// @notice The permit is already cancelled or replaced.
    /// @param key The permit key.
    /// @param state Its state.
    error PermitAlreadyClosed(bytes32 key, PermitState state);

    /// @notice A cancellation or replacement needs a non-zero reason code.
    /// @param key The permit key.
    error ZeroReasonCode(bytes32 key);

    /// @notice The replacement names another previous permit than the one it replaces.
    /// @param newKey The replacement's key.
    /// @param previousKey The previous key it gave.
    /// @param oldKey The permit being replaced.
    error PreviousKeyMismatch(bytes32 newKey, bytes32 previousKey, bytes32 oldKey);

    /// @notice The permit cannot be used for a shipment now.
    /// @param key The permit key.
    /// @param reason Why (Unknown, Cancelled, Replaced, IssuerSuspended, NotYetValid, Expired).
    error PermitNotUsable(bytes32 key, VerificationReason reason);

    /// @notice Arrivals can only be confirmed for permits that name a destination.
    /// @param key The permit key.
    error NoDestination(bytes32 key);

    /// @notice A shipment reference must be non-zero.
    /// @param key The permit key.
    error ZeroShipmentRef(bytes32 key);

    /// @notice One quantity per permit line is required.
    /// @param key The permit key.
    /// @param expected The permit's line count.
    /// @param given The number of quantities given.
    error LineCountMismatch(bytes32 key, uint256 expected, uint256 given);

    /// @notice A shipment must carry a non-zero quantity on at least one line.
    /// @param key The permit key.
    /// @param shipmentRef The shipment reference.
    error EmptyShipment(bytes32 key, bytes32 shipmentRef);

    /// @notice The line does not have enough left.
    /// @param key The permit key.
    /// @param line The line index.
    /// @param requested The amount this shipment would consume on the line.
    /// @param remaining What is left on the line.
    error QuantityExceeded(bytes32 key, uint256 line, uint96 requested, uint96 remaining);

    /// @notice The permit's maximum number of shipments is reached.
    /// @param key The permit key.
    /// @param shipmentsUsed Shipments recorded.
    /// @param maxShipments Shipments allowed.
    error ShipmentLimitReached(bytes32 key, uint16 shipmentsUsed, uint16 maxShipments);

    /// @notice This side already recorded the shipment reference with other quantities.
    /// @param key The permit key.
    /// @param shipmentRef The shipment reference.
    error ShipmentConflict(bytes32 key, bytes32 shipmentRef);

    /// @notice More arrived on a line than the export side recorded for the shipment.
    /// @param key The permit key.
    /// @param shipmentRef The shipment reference.
    /// @param line The line index.
    /// @param arrived The confirmed amount.
    /// @param exported The exported amount.
    error ArrivalExceedsExport(bytes32 key, bytes32 shipmentRef, uint256 line, uint96 arrived, uint96 exported);

    /// @notice A late export record states less on a line than the import side already confirmed.
    /// @param key The permit key.
    /// @param shipmentRef The shipment reference.
    /// @param line The line index.
    /// @param exported The exported amount.
    /// @param arrived The confirmed amount.
    error ExportBelowArrival(bytes32 key, bytes32 shipmentRef, uint256 line, uint96 exported, uint96 arrived);

    // ----------------------------------------------------------------------------- issuers

    /// @notice Anchors a permit. Caller: an active Issuer; the permit's country is the
    /// caller's. Validity is inclusive of validFrom and exclusive of validUntil.
    /// @param permit The permit.
    function register(PermitInput calldata permit) external;

    /// @notice Anchors several permits, all or none. Caller: an active Issuer.
    /// @param permits 1..MAX_BATCH permits.
    function registerBatch(PermitInput[] calldata permits) external;

    /// @notice Cancels an active permit for good. Caller: an active Issuer of the permit's
    /// country (the registering issuer or another issuer of its country).
    /// @param key The permit key.
    /// @param reasonCode The issuer's non-zero reason code (opaque here).
    /// @param actorRef Hash of the official's identity.
    function cancel(bytes32 key, uint8 reasonCode, bytes32 actorRef) external;

    /// @notice Atomically cancels `oldKey` as Replaced and registers `newPermit`, linking
    /// old -> new (replacementKey) and new -> old (previousKey). Used quantities are not
    /// carried over. Caller: an active Issuer of the old permit's country.
    /// @param oldKey The permit to replace; must be active.
    /// @param reasonCode The issuer's non-zero reason code.
    /// @param newPermit The replacement; its previousKey must be zero or `oldKey`.
    /// @param actorRef Hash of the official's identity, for the replacement event
    /// (newPermit.actorRef goes into the new permit's registration event).
    function replace(bytes32 oldKey, uint8 reasonCode, PermitInput calldata newPermit, bytes32 actorRef) external;

    // ----------------------------------------------------------------------------- customs

    /// @notice Export side: records a shipment and consumes the permit. Caller: an active
    /// Customs of the issuer's country. The permit must be valid now; each line's quantity
    /// must fit what is left; a new shipment must fit maxShipments. Repeating the same
    /// shipment reference with the same quantities changes nothing and emits nothing
    /// (returns false); with other quantities it reverts with {ShipmentConflict}. If the
    /// import side already confirmed this reference (and so consumed it), the export record
    /// must be at least the confirmed amount per line and consumes only the difference.
    /// @param key The permit key.
    /// @param shipmentRef Non-zero hash of the transport document or declaration number.
    /// @param quantities Exported amount per line (same count as the permit, not all zero).
    /// @param actorRef Hash of the official's identity.
    /// @return recorded True when recorded now, false for an idempotent repeat.
    function recordShipment(bytes32 key, bytes32 shipmentRef, uint96[] calldata quantities, bytes32 actorRef)
        external
        returns (bool recorded);

    /// @notice Import side (EPIX CONFIRM QUANTITIES): confirms what arrived. Caller: an
    /// active Customs of the permit's destination country. The permit must not be
    /// cancelled, replaced or outside its validity, and its issuer must be active. If the
    /// export side recorded this reference, each line must be at most the exported amount
    /// and nothing is consumed again. Otherwise the confirmation consumes the permit under
    /// the rules of {recordShipment}, so presenting one permit at a second border fails.
    /// Repeats behave as in {recordShipment}.
    /// @param key The permit key.
    /// @param shipmentRef Non-zero hash of the transport document or declaration number.
    /// @param quantities Arrived amount per line (same count as the permit, not all zero).
    /// @param actorRef Hash of the official's identity.
    /// @return recorded True when recorded now, false for an idempotent repeat.
    function confirmArrival(bytes32 key, bytes32 shipmentRef, uint96[] calldata quantities, bytes32 actorRef)
        external
        returns (bool recorded);

    // ----------------------------------------------------------------------------- views

    /// @notice The registry every authorisation is checked against (fixed at deployment).
    /// @return The AuthorityRegistry.
    function authorityRegistry() external view returns (IAuthorityRegistry);

    /// @notice Verifies a permit now: EPIX status and reason plus every anchored field.
    /// Reasons are checked in this order: Unknown, Cancelled/Replaced, IssuerSuspended,
    /// NotYetValid, Expired, Exhausted (maxShipments reached or every line fully used).
    /// An Exhausted permit still accepts {confirmArrival} for shipments already exported.
    /// @param key The permit key.
    /// @return v The verification (all-zero fields apart from status/reason when unknown).
    function verify(bytes32 key) external view returns (PermitVerification memory v);

    /// @notice {verify} together with what a verifier needs to judge and cache the answer, all
    /// read in the same block: one call instead of three (block number, verify, issuer profile)
    /// that would each have to be pinned to that block.
    /// @param key The permit key.
    /// @return v The verification, exactly as {verify} returns it in this block.
    /// @return issuerStatus The issuer's AuthorityStatus in this block (None when the permit is unknown).
    /// @return blockNumber The number of the block the call ran in.
    function verifyAtHead(bytes32 key)
        external
        view
        returns (PermitVerification memory v, AuthorityStatus issuerStatus, uint64 blockNumber);

    /// @notice {verifyAtHead} for many keys in one call, all read in the same block: what a
    /// gateway needs to answer the cache misses that arrived together, or to read the permits
    /// of a block's events, with one node round trip. An empty array is allowed and returns
    /// empty arrays and the block number (a harmless no-op, so callers need no special case).
    /// @param keys 0..MAX_VERIFY_BATCH permit keys; duplicates and unknown keys are answered like any other.
    /// @return v One verification per key, in the order of `keys`, exactly as {verify} returns it in this block.
    /// @return issuerStatus Per key, the issuer's AuthorityStatus in this block (None when unknown).
    /// @return blockNumber The number of the block the call ran in.
    function verifyManyAtHead(bytes32[] calldata keys)
        external
        view
        returns (PermitVerification[] memory v, AuthorityStatus[] memory issuerStatus, uint64 blockNumber);

    /// @notice Whether the permit exists and anchors exactly this document hash.
    /// @param key The permit key.
    /// @param documentHash The hash of the presented document.
    /// @return True on a match.
    function documentMatches(bytes32 key, bytes32 documentHash) external view returns (bool);

    /// @notice What each side recorded for a shipment reference of a permit.
    /// @param key The permit key.
    /// @param shipmentRef The shipment reference.
    /// @return s The record (flags false and zero quantities when nothing was recorded).
    function shipmentOf(bytes32 key, bytes32 shipmentRef) external view returns (ShipmentView memory s);
}
