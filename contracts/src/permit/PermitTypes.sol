// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @notice Document type. Fixed numeric convention shared off chain: never reorder.
enum PermitType {
    CitesExport, // 0
    CitesImport, // 1
    CitesReExport, // 2
    CitesCertificate, // 3: the only type that may allow unlimited shipments (maxShipments 0)
    EPhyto, // 4
    EPhytoReExport // 5
}

/// @notice Status exchanged between Parties (CITES EPIX). Fixed numeric convention.
enum VerificationStatus {
    NotAvailable, // 0
    Valid, // 1
    Cancelled // 2
}

/// @notice Why a permit has its verification status. Fixed numeric convention.
/// Cancelled and Replaced give status Cancelled; None gives Valid; all others NotAvailable.
enum VerificationReason {
    None, // 0: valid
    Unknown, // 1: never registered
    Expired, // 2: now >= validUntil
    NotYetValid, // 3: now < validFrom
    Exhausted, // 4: every shipment or every quantity used
    Replaced, // 5: cancelled and replaced by another permit
    IssuerSuspended, // 6: the issuing authority is suspended
    Cancelled // 7
}

/// @notice Lifecycle state stored on chain (verification adds time, issuer and usage).
enum PermitState {
    None, // 0: never registered
    Active, // 1
    Cancelled, // 2
    Replaced // 3
}

/// @notice A permit to register. Validity is inclusive of `validFrom` and exclusive of
/// `validUntil`.
struct PermitInput {
    /// keccak256 of the normalised permit ID (computed off chain); non-zero.
    bytes32 key;
    /// SHA-256 of the document bytes (computed off chain, opaque here); non-zero.
    bytes32 documentHash;
    PermitType permitType;
    uint40 validFrom;
    uint40 validUntil;
    /// ISO 3166-1 alpha-2 destination, or bytes2(0) when the document names none.
    bytes2 destination;
    /// Shipments allowed; 0 = unlimited, only for CitesCertificate.
    uint16 maxShipments;
    /// Permit this one derives from (re-export provenance), or zero.
    bytes32 previousKey;
    /// Hash of the official's identity (opaque), for the audit trail.
    bytes32 actorRef;
    /// Authorised amount per line, in the document's smallest unit; 1..16 (MAX_LINES) non-zero values.
    uint96[] lines;
}

/// @notice Everything a verifying authority needs about a permit, in one call.
struct PermitVerification {
    VerificationStatus status;
    VerificationReason reason;
    address issuer;
    bytes2 issuerCountry;
    PermitType permitType;
    uint40 validFrom;
    uint40 validUntil;
    bytes2 destination;
    /// Authorised amount per line.
    uint96[] authorised;
    /// Used amount per line (never above authorised).
    uint96[] used;
    uint16 shipmentsUsed;
    uint16 maxShipments;
    bytes32 documentHash;
    bytes32 previousKey;
    /// Key of the permit that replaced this one, or zero.
    bytes32 replacementKey;
    /// Reason code given at cancellation or replacement, or 0.
    uint8 cancelReason;
}

/// @notice What each border side recorded for one shipment reference of one permit.
struct ShipmentView {
    bool exportRecorded;
    bool importRecorded;
    /// Quantities recorded by the export side, per line (zeros when not recorded).
    uint96[] exported;
    /// Quantities confirmed by the import side, per line (zeros when not recorded).
    uint96[] imported;
}
