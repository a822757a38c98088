using Ledger.Core.Primitives;

namespace Ledger.Contracts.Permits;

/// <summary>
/// The Solidity struct <c>PermitInput</c>: a permit to register. Validity includes
/// <paramref name="ValidFrom"/> and excludes <paramref name="ValidUntil"/>. Values outside their
/// Solidity types (times above uint40, amounts above uint96) are refused when encoded.
/// </summary>
/// <param name="Key">keccak256 of the normalised permit ID; non-zero.</param>
/// <param name="DocumentHash">SHA-256 of the document; non-zero.</param>
/// <param name="PermitType">The document type.</param>
/// <param name="ValidFrom">First valid moment, unix seconds (uint40).</param>
/// <param name="ValidUntil">First moment no longer valid, unix seconds (uint40).</param>
/// <param name="Destination">Destination country, or <see cref="CountryBytes.None"/>.</param>
/// <param name="MaxShipments">Shipments allowed; 0 = unlimited, only for <see cref="PermitType.CitesCertificate"/>.</param>
/// <param name="PreviousKey">The permit this one derives from (re-export provenance), or zero.</param>
/// <param name="ActorRef">Hash of the official's identity, for the audit trail.</param>
/// <param name="Lines">Authorised amount per line (uint96), 1 to MAX_LINES non-zero values.</param>
public sealed record PermitInput(
    Bytes32 Key,
    Bytes32 DocumentHash,
    PermitType PermitType,
    ulong ValidFrom,
    ulong ValidUntil,
    CountryBytes Destination,
    ushort MaxShipments,
    Bytes32 PreviousKey,
    Bytes32 ActorRef,
    IReadOnlyList<UInt128> Lines);
