using System.Diagnostics.CodeAnalysis;
using Ledger.Core.Countries;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using static System.FormattableString;

namespace Ledger.Core.Verification;

/// <summary>
/// Wire names and human texts for verification answers, worded for a customs officer at
/// the border: what the status is, why, and what to do.
/// </summary>
public static class VerificationTexts
{
    /// <summary>The EPIX wire name: VALID, CANCELLED or NOT_AVAILABLE.</summary>
    public static string WireName(VerificationStatus status) => status switch
    {
        VerificationStatus.Valid => "VALID",
        VerificationStatus.Cancelled => "CANCELLED",
        VerificationStatus.NotAvailable => "NOT_AVAILABLE",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Undefined verification status."),
    };

    /// <summary>Reads a wire name (exact, upper case, as exchanged between Parties).</summary>
    public static bool TryParseWireName(string? text, [NotNullWhen(true)] out VerificationStatus? status)
    {
        status = text switch
        {
            "VALID" => VerificationStatus.Valid,
            "CANCELLED" => VerificationStatus.Cancelled,
            "NOT_AVAILABLE" => VerificationStatus.NotAvailable,
            _ => null,
        };
        return status is not null;
    }

    /// <summary>A reason in a few words, e.g. "expired", for messages that have no anchored facts at hand.</summary>
    public static string Describe(VerificationReason reason) => reason switch
    {
        VerificationReason.None => "valid",
        VerificationReason.Unknown => "not registered on the ledger",
        VerificationReason.Expired => "expired",
        VerificationReason.NotYetValid => "not yet valid",
        VerificationReason.Exhausted => "already used",
        VerificationReason.Replaced => "replaced by another permit",
        VerificationReason.IssuerSuspended => "issued by an authority that is suspended",
        VerificationReason.Cancelled => "cancelled by the issuing authority",
        VerificationReason.IssuerNotOfPermitCountry => "registered by an authority of another country than the permit number's: not a genuine permit",
        _ => Invariant($"reason code {(byte)reason}"),
    };

    /// <summary>
    /// Why the permit has its status, e.g. "expired on 2026-06-01 00:00:00 UTC" or
    /// "cancelled by the issuing authority (issued in error)".
    /// </summary>
    public static string Explain(PermitVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        var permit = verification.Permit;
        if (permit is null)
            return "not registered on the ledger; check the number with the issuing authority";
        return verification.Reason switch
        {
            VerificationReason.None => $"valid until {UtcText.Format(permit.Validity.Until)}",
            VerificationReason.Expired => $"expired on {UtcText.Format(permit.Validity.Until)}",
            VerificationReason.NotYetValid => $"not valid before {UtcText.Format(permit.Validity.From)}",
            VerificationReason.Exhausted => ExplainExhausted(permit),
            VerificationReason.Replaced => $"replaced by another permit (key {permit.Replacement}); ask the issuing authority for the new permit's number",
            VerificationReason.IssuerSuspended => $"the issuing authority ({permit.IssuerCountry}) is suspended on the ledger; do not accept the permit until it is reinstated",
            VerificationReason.Cancelled => $"cancelled by the issuing authority ({DescribeCancelReason(permit)})",
            VerificationReason.IssuerNotOfPermitCountry => ExplainOtherCountry(verification.Id, permit),
            _ => Invariant($"reason code {(byte)verification.Reason}"),
        };
    }

    /// <summary>What is left: "line 1: 3 of 5 left; line 2: 0 of 10 left; 0 of 1 shipments recorded".</summary>
    public static string DescribeUsage(AnchoredPermit permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        var lines = permit.Lines.Select((line, i) => Invariant($"line {i + 1}: {line.Remaining} of {line.Authorised} left"));
        var shipments = permit.MaxShipments == 0
            ? Invariant($"{permit.ShipmentsUsed} shipments recorded (no limit)")
            : Invariant($"{permit.ShipmentsUsed} of {permit.MaxShipments} shipments recorded");
        return string.Join("; ", lines.Append(shipments));
    }

    /// <summary>
    /// One paragraph for the officer: "CH/2026/000123: VALID — valid until …; line 1: …;
    /// the presented document matches the registered one".
    /// </summary>
    public static string Summarise(PermitVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        var parts = new List<string> { Explain(verification) };
        // What another country registered under this number is not the permit: its usage would only mislead.
        if (verification.Permit is { } permit && verification.Reason != VerificationReason.IssuerNotOfPermitCountry)
            parts.Add(DescribeUsage(permit));
        if (verification.DocumentMatches is { } matches)
            parts.Add(DescribeDocumentMatch(matches, verification.Reason));
        var subject = verification.Id?.Normalised ?? verification.Key.ToString();
        return $"{subject}: {WireName(verification.Status)} — {string.Join("; ", parts)}";
    }

    /// <summary>
    /// Whether a presented document is the one anchored under the number: "the presented document
    /// matches the registered one", or that it does NOT and is not to be accepted. For
    /// <see cref="VerificationReason.IssuerNotOfPermitCountry"/> the anchored document is what
    /// another country's authority registered under the number, not the permit's: the sentence
    /// says so, so that a match is never read as the permit being genuine.
    /// </summary>
    /// <param name="matches">Whether the presented document's hash equals the anchored one.</param>
    /// <param name="reason">Why the permit has its status.</param>
    public static string DescribeDocumentMatch(bool matches, VerificationReason reason) =>
        (matches, reason == VerificationReason.IssuerNotOfPermitCountry) switch
        {
            (true, false) => "the presented document matches the registered one",
            (false, false) => "the presented document does NOT match the registered one: do not accept it",
            (true, true) => "the presented document matches what another country registered under this number",
            (false, true) => "the presented document does NOT match what another country registered under this number",
        };

    private static string ExplainExhausted(AnchoredPermit permit) =>
        permit.MaxShipments != 0 && permit.ShipmentsUsed >= permit.MaxShipments
            ? Invariant($"already used: {permit.ShipmentsUsed} of {permit.MaxShipments} shipments recorded")
            : "already used: every quantity line is used up";

    private static string ExplainOtherCountry(PermitId? id, AnchoredPermit permit) =>
        id is null
            ? $"registered by an authority of {permit.IssuerCountry}, not of the country the permit number names: not a genuine permit; do not accept it"
            : $"{NotGenuine(id, permit.IssuerCountry)}; do not accept it, and ask the issuing authority of {id.Country}";

    /// <summary>
    /// Why a number another country's authority registered is not the permit (<see cref="VerificationReason.IssuerNotOfPermitCountry"/>):
    /// "registered by an authority of FR, but the number is one of CH: not a genuine permit".
    /// </summary>
    /// <param name="id">The permit number.</param>
    /// <param name="issuerCountry">The country of the authority that registered it.</param>
    public static string NotGenuine(PermitId id, CountryCode? issuerCountry)
    {
        ArgumentNullException.ThrowIfNull(id);
        return $"registered by an authority of {issuerCountry?.ToString() ?? "no country"}, but the number is one of {id.Country}: not a genuine permit";
    }

    private static string DescribeCancelReason(AnchoredPermit permit) =>
        permit.CancelReason is { } reason ? CancelReasonTexts.Describe(reason) : "no reason recorded";
}
