using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Cli.Input;
using CoreReason = Ledger.Core.Verification.VerificationReason;
using VerificationTexts = Ledger.Core.Verification.VerificationTexts;

namespace Ledger.Cli.Output;

/// <summary>The proto enums and values in the words an officer reads.</summary>
public static class Words
{
    /// <summary>VALID, CANCELLED or NOT_AVAILABLE: the EPIX wire words.</summary>
    public static string Of(VerificationStatus status) => status switch
    {
        VerificationStatus.Valid => "VALID",
        VerificationStatus.Cancelled => "CANCELLED",
        VerificationStatus.NotAvailable => "NOT_AVAILABLE",
        _ => "UNSPECIFIED",
    };

    /// <summary>Why a permit is not valid, in a few words; empty for "no reason".</summary>
    public static string Of(VerificationReason reason) => reason switch
    {
        VerificationReason.Unspecified => "",
        VerificationReason.Unknown => "unknown permit",
        VerificationReason.Expired => "expired",
        VerificationReason.NotYetValid => "not yet valid",
        VerificationReason.Exhausted => "exhausted: all quantities or shipments used",
        VerificationReason.Replaced => "replaced by another permit",
        VerificationReason.IssuerSuspended => "issuer suspended",
        VerificationReason.Cancelled => "cancelled by the issuer",
        VerificationReason.IssuerNotOfPermitCountry => "registered by another country than the permit number's: not a genuine permit",
        _ => $"reason {(int)reason}",
    };

    /// <summary>"VALID", or "CANCELLED (cancelled by the issuer)".</summary>
    public static string StatusWithReason(VerificationStatus status, VerificationReason reason)
    {
        var why = Of(reason);
        return why.Length == 0 ? Of(status) : $"{Of(status)} ({why})";
    }

    /// <summary>
    /// Whether a presented document is the anchored one, in Core's words (one source for the
    /// sentence): for a number another country registered (ISSUER_NOT_OF_PERMIT_COUNTRY) a match
    /// is with what that country registered, never with the permit.
    /// </summary>
    public static string DocumentMatch(bool matches, VerificationReason reason) =>
        // The proto's reasons carry the chain's numbers, as Core's do (ChainEnumMapping); a reason
        // this CLI does not know yet is not the squatted number, the only one the sentence depends on.
        VerificationTexts.DescribeDocumentMatch(matches, System.Enum.IsDefined(reason)
            ? (CoreReason)reason.ToChainValue()
            : CoreReason.None);

    /// <summary>A permit type as it is written on the command line, e.g. cites-export.</summary>
    public static string Of(PermitType type) => PermitTypeNames.NameOf(type);

    /// <summary>issuer, customs, scientific authority, single window, secretariat.</summary>
    public static string Of(AuthorityKind kind) => kind switch
    {
        AuthorityKind.Issuer => "issuer",
        AuthorityKind.Customs => "customs",
        AuthorityKind.ScientificAuthority => "scientific authority",
        AuthorityKind.SingleWindow => "single window",
        AuthorityKind.Secretariat => "secretariat",
        _ => "none",
    };

    /// <summary>active or suspended.</summary>
    public static string Of(AuthorityStatus status) => status switch
    {
        AuthorityStatus.Active => "active",
        AuthorityStatus.Suspended => "suspended",
        _ => "none",
    };

    /// <summary>What a history entry records.</summary>
    public static string Of(PermitEventKind kind) => kind switch
    {
        PermitEventKind.Registered => "registered",
        PermitEventKind.Cancelled => "cancelled",
        PermitEventKind.Replaced => "replaced",
        PermitEventKind.ShipmentRecorded => "shipment recorded",
        PermitEventKind.ArrivalConfirmed => "arrival confirmed",
        _ => "unknown event",
    };

    /// <summary>open, executed or expired.</summary>
    public static string Of(ProposalState state) => state switch
    {
        ProposalState.Open => "open",
        ProposalState.Executed => "executed",
        ProposalState.Expired => "expired",
        _ => "unknown",
    };

    /// <summary>What a proposal would do.</summary>
    public static string Of(ProposalKind kind) => kind switch
    {
        ProposalKind.AdmitIssuer => "admit issuer",
        ProposalKind.SuspendIssuer => "suspend issuer",
        ProposalKind.ReinstateIssuer => "reinstate issuer",
        _ => "unknown",
    };

    /// <summary>A timestamp in UTC, ISO 8601 to the second; empty when unset.</summary>
    public static string Of(Timestamp? time) =>
        time is null ? "" : time.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"FR customs 0xabc…" for an authority reference.</summary>
    public static string Of(AuthorityRef? authority) =>
        authority is null ? "" : $"{authority.Country} {Of(authority.Kind)} {authority.Address}";

    /// <summary>"used 3 of 10 (7 remaining)" for one quantity line.</summary>
    public static string Of(LineBalance line) => $"used {line.Used} of {line.Authorised} ({line.Remaining} remaining)";

    /// <summary>"1 of 1", or "2 of unlimited" when the permit allows any number.</summary>
    public static string Shipments(uint used, uint allowed) =>
        $"{used} of {(allowed == 0 ? "unlimited" : allowed.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
}
