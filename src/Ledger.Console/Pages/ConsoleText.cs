using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;

namespace Ledger.Console.Pages;

/// <summary>The words the console shows for the contract's codes and values.</summary>
public static class ConsoleText
{
    /// <summary>VALID, CANCELLED or NOT_AVAILABLE: the statuses exchanged between Parties.</summary>
    public static string Status(VerificationStatus status) => status switch
    {
        VerificationStatus.Valid => "VALID",
        VerificationStatus.Cancelled => "CANCELLED",
        _ => "NOT_AVAILABLE",
    };

    /// <summary>The reason in words, or empty when there is none.</summary>
    public static string Reason(VerificationReason reason) => reason switch
    {
        VerificationReason.Unknown => "unknown to the ledger",
        VerificationReason.Expired => "expired",
        VerificationReason.NotYetValid => "not yet valid",
        VerificationReason.Exhausted => "used up",
        VerificationReason.Replaced => "replaced",
        VerificationReason.IssuerSuspended => "issuer suspended",
        VerificationReason.Cancelled => "cancelled by the issuer",
        VerificationReason.IssuerNotOfPermitCountry => "registered by another country than the permit number's: not a genuine permit",
        _ => "",
    };

    /// <summary>The permit type in words.</summary>
    public static string Type(PermitType type) => type switch
    {
        PermitType.CitesExport => "CITES export permit",
        PermitType.CitesImport => "CITES import permit",
        PermitType.CitesReExport => "CITES re-export certificate",
        PermitType.CitesCertificate => "CITES certificate",
        PermitType.Ephyto => "Phytosanitary certificate (ePhyto)",
        PermitType.EphytoReExport => "Phytosanitary certificate for re-export (ePhyto)",
        _ => "unspecified",
    };

    /// <summary>The permit types an issuer may choose from.</summary>
    public static IReadOnlyList<PermitType> Types { get; } =
        [PermitType.CitesExport, PermitType.CitesImport, PermitType.CitesReExport, PermitType.CitesCertificate, PermitType.Ephyto, PermitType.EphytoReExport];

    /// <summary>A cancellation reason in words.</summary>
    public static string CancelReasonText(CancelReason reason) => reason switch
    {
        CancelReason.IssuedInError => "Issued in error",
        CancelReason.Withdrawn => "Withdrawn by the applicant",
        CancelReason.Fraud => "Obtained or used fraudulently",
        CancelReason.SpecimenLost => "Specimens lost, dead or destroyed",
        CancelReason.Replaced => "Replaced",
        CancelReason.Other => "Other reason",
        _ => "unspecified",
    };

    /// <summary>The reasons an officer may cancel for (a replacement is recorded by replacing).</summary>
    public static IReadOnlyList<CancelReason> CancelReasons { get; } =
        [CancelReason.IssuedInError, CancelReason.Withdrawn, CancelReason.Fraud, CancelReason.SpecimenLost, CancelReason.Other];

    /// <summary>A history event in words.</summary>
    public static string Event(PermitEventKind kind) => kind switch
    {
        PermitEventKind.Registered => "Registered",
        PermitEventKind.Cancelled => "Cancelled",
        PermitEventKind.Replaced => "Replaced",
        PermitEventKind.ShipmentRecorded => "Shipment recorded (export)",
        PermitEventKind.ArrivalConfirmed => "Arrival confirmed (import)",
        _ => "Other",
    };

    /// <summary>A role in words.</summary>
    public static string Role(string role) => role switch
    {
        "IssuingOfficer" => "issuing officer",
        "CustomsOfficer" => "customs officer",
        _ => "read only",
    };

    /// <summary>An authority kind in words.</summary>
    public static string Kind(AuthorityKind kind) => kind switch
    {
        AuthorityKind.Issuer => "Issuing authority",
        AuthorityKind.Customs => "Customs",
        AuthorityKind.ScientificAuthority => "Scientific authority",
        AuthorityKind.SingleWindow => "Single window",
        AuthorityKind.Secretariat => "Secretariat",
        _ => "unspecified",
    };

    /// <summary>A proposal kind in words.</summary>
    public static string Proposal(ProposalKind kind) => kind switch
    {
        ProposalKind.AdmitIssuer => "Admit an issuer",
        ProposalKind.SuspendIssuer => "Suspend an issuer",
        ProposalKind.ReinstateIssuer => "Reinstate an issuer",
        _ => "unspecified",
    };

    /// <summary>A timestamp as UTC "yyyy-MM-dd HH:mm:ss UTC", or "-" when unset.</summary>
    public static string Time(Timestamp? at) =>
        at is null ? "-" : at.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"3 of 1" shipments, with "unlimited" for 0.</summary>
    public static string Shipments(uint used, uint max) =>
        max == 0 ? $"{used} (unlimited)" : $"{used} of {max}";
}
