// Generated from src/Ledger.Contracts/Artifacts/*.json by ErrorRecordGenerator
// (tests/Ledger.Contracts.Tests/Generation). Do not edit. After scripts/export-artifacts.sh, run
//   LEDGER_REGENERATE=1 dotnet test tests/Ledger.Contracts.Tests --filter Generated_error_records_match_the_artifacts

using Ledger.Core.Primitives;

namespace Ledger.Contracts.Errors;

// Errors only the PermitRegistry raises.

/// <summary>More arrived on a line than the export side recorded for the shipment. Solidity: <c>ArrivalExceedsExport(bytes32,bytes32,uint256,uint96,uint96)</c>.</summary>
/// <param name="Key">The permit key.</param>
/// <param name="ShipmentRef">The shipment reference.</param>
/// <param name="Line">The line index.</param>
/// <param name="Arrived">The confirmed amount.</param>
/// <param name="Exported">The exported amount.</param>
public sealed record ArrivalExceedsExport(Bytes32 Key, Bytes32 ShipmentRef, ulong Line, UInt128 Arrived, UInt128 Exported)
    : ContractError("ArrivalExceedsExport(bytes32,bytes32,uint256,uint96,uint96)");

/// <summary>A shipment must carry a non-zero quantity on at least one line. Solidity: <c>EmptyShipment(bytes32,bytes32)</c>.</summary>
/// <param name="Key">The permit key.</param>
/// <param name="ShipmentRef">The shipment reference.</param>
public sealed record EmptyShipment(Bytes32 Key, Bytes32 ShipmentRef)
    : ContractError("EmptyShipment(bytes32,bytes32)");

/// <summary>A late export record states less on a line than the import side already confirmed. Solidity: <c>ExportBelowArrival(bytes32,bytes32,uint256,uint96,uint96)</c>.</summary>
/// <param name="Key">The permit key.</param>
/// <param name="ShipmentRef">The shipment reference.</param>
/// <param name="Line">The line index.</param>
/// <param name="Exported">The exported amount.</param>
/// <param name="Arrived">The confirmed amount.</param>
public sealed record ExportBelowArrival(Bytes32 Key, Bytes32 ShipmentRef, ulong Line, UInt128 Exported, UInt128 Arrived)
    : ContractError("ExportBelowArrival(bytes32,bytes32,uint256,uint96,uint96)");

/// <summary>The authority registry address has no code. Solidity: <c>InvalidAuthorityRegistry(address)</c>.</summary>
/// <param name="Registry">The address given.</param>
public sealed record InvalidAuthorityRegistry(Address Registry)
    : ContractError("InvalidAuthorityRegistry(address)");

/// <summary>A batch carries 1..MAX_BATCH permits. Solidity: <c>InvalidBatchSize(uint256,uint256)</c>.</summary>
/// <param name="Size">The number given.</param>
/// <param name="Max">MAX_BATCH.</param>
public sealed record InvalidBatchSize(ulong Size, ulong Max)
    : ContractError("InvalidBatchSize(uint256,uint256)");

/// <summary>A permit has 1..MAX_LINES quantity lines. Solidity: <c>InvalidLineCount(bytes32,uint256)</c>.</summary>
/// <param name="Key">The permit key.</param>
/// <param name="Count">The number given.</param>
public sealed record InvalidLineCount(Bytes32 Key, ulong Count)
    : ContractError("InvalidLineCount(bytes32,uint256)");

/// <summary>validFrom must be strictly before validUntil. Solidity: <c>InvalidValidity(bytes32,uint40,uint40)</c>.</summary>
/// <param name="Key">The permit key.</param>
/// <param name="ValidFrom">The given start.</param>
/// <param name="ValidUntil">The given end.</param>
public sealed record InvalidValidity(Bytes32 Key, ulong ValidFrom, ulong ValidUntil)
    : ContractError("InvalidValidity(bytes32,uint40,uint40)");

/// <summary>One quantity per permit line is required. Solidity: <c>LineCountMismatch(bytes32,uint256,uint256)</c>.</summary>
/// <param name="Key">The permit key.</param>
/// <param name="Expected">The permit's line count.</param>
/// <param name="Given">The number of quantities given.</param>
public sealed record LineCountMismatch(Bytes32 Key, ulong Expected, ulong Given)
    : ContractError("LineCountMismatch(bytes32,uint256,uint256)");

/// <summary>Arrivals can only be confirmed for permits that name a destination. Solidity: <c>NoDestination(bytes32)</c>.</summary>
/// <param name="Key">The permit key.</param>
public sealed record NoDestination(Bytes32 Key)
    : ContractError("NoDestination(bytes32)");

/// <summary>The permit is already cancelled or replaced. Solidity: <c>PermitAlreadyClosed(bytes32,uint8)</c>.</summary>
/// <param name="Key">The permit key.</param>
/// <param name="State">Its state.</param>
public sealed record PermitAlreadyClosed(Bytes32 Key, PermitState State)
    : ContractError("PermitAlreadyClosed(bytes32,uint8)");

/// <summary>A permit with this key exists already (keys are never reused). Solidity: <c>PermitAlreadyRegistered(bytes32)</c>.</summary>
/// <param name="Key">The permit key.</param>
public sealed record PermitAlreadyRegistered(Bytes32 Key)
    : ContractError("PermitAlreadyRegistered(bytes32)");

/// <summary>The permit cannot be used for a shipment now. Solidity: <c>PermitNotUsable(bytes32,uint8)</c>.</summary>
/// <param name="Key">The permit key.</param>
/// <param name="Reason">Why (Unknown, Cancelled, Replaced, IssuerSuspended, NotYetValid, Expired).</param>
public sealed record PermitNotUsable(Bytes32 Key, VerificationReason Reason)
    : ContractError("PermitNotUsable(bytes32,uint8)");

/// <summary>The replacement names another previous permit than the one it replaces. Solidity: <c>PreviousKeyMismatch(bytes32,bytes32,bytes32)</c>.</summary>
/// <param name="NewKey">The replacement's key.</param>
/// <param name="PreviousKey">The previous key it gave.</param>
/// <param name="OldKey">The permit being replaced.</param>
public sealed record PreviousKeyMismatch(Bytes32 NewKey, Bytes32 PreviousKey, Bytes32 OldKey)
    : ContractError("PreviousKeyMismatch(bytes32,bytes32,bytes32)");

/// <summary>The line does not have enough left. Solidity: <c>QuantityExceeded(bytes32,uint256,uint96,uint96)</c>.</summary>
/// <param name="Key">The permit key.</param>
/// <param name="Line">The line index.</param>
/// <param name="Requested">The amount this shipment would consume on the line.</param>
/// <param name="Remaining">What is left on the line.</param>
public sealed record QuantityExceeded(Bytes32 Key, ulong Line, UInt128 Requested, UInt128 Remaining)
    : ContractError("QuantityExceeded(bytes32,uint256,uint96,uint96)");

/// <summary>A permit cannot name itself as its previous permit. Solidity: <c>SelfReference(bytes32)</c>.</summary>
/// <param name="Key">The permit key.</param>
public sealed record SelfReference(Bytes32 Key)
    : ContractError("SelfReference(bytes32)");

/// <summary>This side already recorded the shipment reference with other quantities. Solidity: <c>ShipmentConflict(bytes32,bytes32)</c>.</summary>
/// <param name="Key">The permit key.</param>
/// <param name="ShipmentRef">The shipment reference.</param>
public sealed record ShipmentConflict(Bytes32 Key, Bytes32 ShipmentRef)
    : ContractError("ShipmentConflict(bytes32,bytes32)");

/// <summary>The permit's maximum number of shipments is reached. Solidity: <c>ShipmentLimitReached(bytes32,uint16,uint16)</c>.</summary>
/// <param name="Key">The permit key.</param>
/// <param name="ShipmentsUsed">Shipments recorded.</param>
/// <param name="MaxShipments">Shipments allowed.</param>
public sealed record ShipmentLimitReached(Bytes32 Key, ushort ShipmentsUsed, ushort MaxShipments)
    : ContractError("ShipmentLimitReached(bytes32,uint16,uint16)");

/// <summary>No permit has this key. Solidity: <c>UnknownPermit(bytes32)</c>.</summary>
/// <param name="Key">The permit key.</param>
public sealed record UnknownPermit(Bytes32 Key)
    : ContractError("UnknownPermit(bytes32)");

/// <summary>maxShipments 0 (unlimited) is only allowed for CitesCertificate. Solidity: <c>UnlimitedShipmentsNotAllowed(bytes32,uint8)</c>.</summary>
/// <param name="Key">The permit key.</param>
/// <param name="PermitType">The permit's type.</param>
public sealed record UnlimitedShipmentsNotAllowed(Bytes32 Key, PermitType PermitType)
    : ContractError("UnlimitedShipmentsNotAllowed(bytes32,uint8)");

/// <summary>A verifyManyAtHead call carries at most MAX_VERIFY_BATCH keys. Solidity: <c>VerifyBatchTooLarge(uint256,uint256)</c>.</summary>
/// <param name="Size">The number of keys given.</param>
/// <param name="Max">MAX_VERIFY_BATCH.</param>
public sealed record VerifyBatchTooLarge(ulong Size, ulong Max)
    : ContractError("VerifyBatchTooLarge(uint256,uint256)");

/// <summary>Every line authorises a non-zero amount. Solidity: <c>ZeroAuthorisedQuantity(bytes32,uint256)</c>.</summary>
/// <param name="Key">The permit key.</param>
/// <param name="Line">The zero line's index.</param>
public sealed record ZeroAuthorisedQuantity(Bytes32 Key, ulong Line)
    : ContractError("ZeroAuthorisedQuantity(bytes32,uint256)");

/// <summary>A document hash must be non-zero. Solidity: <c>ZeroDocumentHash(bytes32)</c>.</summary>
/// <param name="Key">The permit key.</param>
public sealed record ZeroDocumentHash(Bytes32 Key)
    : ContractError("ZeroDocumentHash(bytes32)");

/// <summary>A permit key must be non-zero. Solidity: <c>ZeroPermitKey()</c>.</summary>
public sealed record ZeroPermitKey()
    : ContractError("ZeroPermitKey()");

/// <summary>A cancellation or replacement needs a non-zero reason code. Solidity: <c>ZeroReasonCode(bytes32)</c>.</summary>
/// <param name="Key">The permit key.</param>
public sealed record ZeroReasonCode(Bytes32 Key)
    : ContractError("ZeroReasonCode(bytes32)");

/// <summary>A shipment reference must be non-zero. Solidity: <c>ZeroShipmentRef(bytes32)</c>.</summary>
/// <param name="Key">The permit key.</param>
public sealed record ZeroShipmentRef(Bytes32 Key)
    : ContractError("ZeroShipmentRef(bytes32)");
