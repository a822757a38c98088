using Ledger.Core.Primitives;

namespace Ledger.Contracts.Permits;

/// <summary>
/// What <c>verify(key)</c> returns (the Solidity struct <c>PermitVerification</c>): the EPIX
/// status and reason plus every anchored field. For an unknown permit only status
/// (NotAvailable) and reason (Unknown) are set.
/// </summary>
/// <param name="Status">VALID, CANCELLED or NOT_AVAILABLE.</param>
/// <param name="Reason">Why.</param>
/// <param name="Issuer">The registering issuer.</param>
/// <param name="IssuerCountry">The issuer's country (the permit's country).</param>
/// <param name="PermitType">The document type.</param>
/// <param name="ValidFrom">First valid moment, unix seconds.</param>
/// <param name="ValidUntil">First moment no longer valid, unix seconds.</param>
/// <param name="Destination">Destination country, or none.</param>
/// <param name="Authorised">Authorised amount per line.</param>
/// <param name="Used">Used amount per line (never above authorised).</param>
/// <param name="ShipmentsUsed">Shipments recorded.</param>
/// <param name="MaxShipments">Shipments allowed (0 = unlimited).</param>
/// <param name="DocumentHash">The anchored document hash.</param>
/// <param name="PreviousKey">The permit this one replaces or derives from, or zero.</param>
/// <param name="ReplacementKey">The permit that replaced this one, or zero.</param>
/// <param name="CancelReason">Reason code given at cancellation or replacement, or 0.</param>
public sealed record PermitVerificationView(
    VerificationStatus Status,
    VerificationReason Reason,
    Address Issuer,
    CountryBytes IssuerCountry,
    PermitType PermitType,
    ulong ValidFrom,
    ulong ValidUntil,
    CountryBytes Destination,
    IReadOnlyList<UInt128> Authorised,
    IReadOnlyList<UInt128> Used,
    ushort ShipmentsUsed,
    ushort MaxShipments,
    Bytes32 DocumentHash,
    Bytes32 PreviousKey,
    Bytes32 ReplacementKey,
    byte CancelReason)
{
    /// <summary>What is left per line (authorised minus used).</summary>
    public IReadOnlyList<UInt128> Remaining => Authorised.Zip(Used, (authorised, used) => authorised - used).ToArray();
}
