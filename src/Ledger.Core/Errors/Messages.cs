using Ledger.Core.Authorities;
using Ledger.Core.Countries;
using Ledger.Core.Permits;
using Ledger.Core.Shipments;
using Ledger.Core.Verification;
using static System.FormattableString;

namespace Ledger.Core.Errors;

/// <summary>
/// The contracts' typed errors in domain terms: each method takes what the error carries
/// (with the permit ID the caller asked about in place of its key) and returns a
/// <see cref="LedgerError"/> of the right kind whose message starts with the permit ID and
/// says what to do next. Line numbers are given as the contracts report them (from 0) and
/// printed as officers count them (from 1).
/// </summary>
public static class Messages
{
    /// <summary>"CH/2026/000123: line 2 has 3 left, 5 requested" (contract error <c>QuantityExceeded</c>).</summary>
    /// <param name="id">The permit.</param>
    /// <param name="line">Index of the line, from 0.</param>
    /// <param name="remaining">What is left on the line.</param>
    /// <param name="requested">What the shipment asked for.</param>
    public static LedgerError LineExceeded(PermitId id, int line, UInt128 remaining, UInt128 requested) =>
        LedgerError.FailedPrecondition(Invariant($"{id}: line {Human(line)} has {remaining} left, {requested} requested"));

    /// <summary>The permit's shipment limit is reached (contract error <c>ShipmentLimitReached</c>).</summary>
    public static LedgerError ShipmentLimitReached(PermitId id, int shipmentsUsed, int maxShipments) =>
        LedgerError.FailedPrecondition(Invariant(
            $"{id}: {shipmentsUsed} of {maxShipments} shipments already recorded; the permit cannot cover another shipment"));

    /// <summary>The same reference was recorded with other quantities (contract error <c>ShipmentConflict</c>).</summary>
    public static LedgerError ShipmentConflict(PermitId id, ShipmentReference reference) =>
        LedgerError.AlreadyExists(
            $"{id}: shipment {reference} was already recorded with other quantities; a retry must repeat the same quantities, and a different shipment needs its own reference");

    /// <summary>More arrived than was exported (contract error <c>ArrivalExceedsExport</c>).</summary>
    public static LedgerError ArrivalExceedsExport(PermitId id, ShipmentReference reference, int line, UInt128 arrived, UInt128 exported) =>
        LedgerError.FailedPrecondition(Invariant(
            $"{id}: line {Human(line)} of shipment {reference}: {arrived} confirmed as arrived but only {exported} exported; confirm at most the exported quantity and report the difference to the issuing authority"));

    /// <summary>A late export record is below what already arrived (contract error <c>ExportBelowArrival</c>).</summary>
    public static LedgerError ExportBelowArrival(PermitId id, ShipmentReference reference, int line, UInt128 exported, UInt128 arrived) =>
        LedgerError.FailedPrecondition(Invariant(
            $"{id}: line {Human(line)} of shipment {reference}: {exported} recorded as exported but {arrived} already confirmed as arrived; record at least the arrived quantity"));

    /// <summary>The quantities do not match the permit's lines (contract error <c>LineCountMismatch</c>).</summary>
    public static LedgerError LineCountMismatch(PermitId id, int expected, int given) =>
        LedgerError.InvalidArgument(Invariant(
            $"{id}: the permit has {expected} lines but {given} quantities were given; give one quantity per line, 0 for lines not in this shipment"));

    /// <summary>A shipment with nothing in it (contract error <c>EmptyShipment</c>).</summary>
    public static LedgerError EmptyShipment(PermitId id, ShipmentReference reference) =>
        LedgerError.InvalidArgument($"{id}: shipment {reference} carries no quantity; give a positive quantity on at least one line");

    /// <summary>The permit cannot be used now (contract error <c>PermitNotUsable</c>).</summary>
    public static LedgerError PermitNotUsable(PermitId id, VerificationReason reason) =>
        reason == VerificationReason.Unknown
            ? PermitUnknown(id)
            : LedgerError.FailedPrecondition($"{id}: {VerificationTexts.Describe(reason)}, so no shipment can be recorded; verify the permit for details");

    /// <summary>No permit under this ID (contract error <c>UnknownPermit</c>). Not NOT_FOUND: a missing permit is a verification result.</summary>
    public static LedgerError PermitUnknown(PermitId id) =>
        LedgerError.FailedPrecondition($"{id}: not registered on the ledger; check the number with the issuing authority");

    /// <summary>The ID is taken (contract error <c>PermitAlreadyRegistered</c>).</summary>
    public static LedgerError PermitAlreadyRegistered(PermitId id) =>
        LedgerError.AlreadyExists($"{id}: already registered with other content; a permit number is registered once, so replace the permit to change it");

    /// <summary>The permit is cancelled or replaced already (contract error <c>PermitAlreadyClosed</c>).</summary>
    /// <param name="id">The permit.</param>
    /// <param name="replaced">True when it was replaced, false when cancelled.</param>
    public static LedgerError PermitAlreadyClosed(PermitId id, bool replaced) =>
        LedgerError.FailedPrecondition($"{id}: already {(replaced ? "replaced" : "cancelled")}; a closed permit cannot change again");

    /// <summary>Arrivals need a destination (contract error <c>NoDestination</c>).</summary>
    public static LedgerError NoDestination(PermitId id) =>
        LedgerError.FailedPrecondition($"{id}: names no destination country, so no import-side customs may confirm arrivals against it");

    /// <summary>Only an issuing authority of the country in the permit ID may register it.</summary>
    public static LedgerError RegisteringForAnotherCountry(PermitId id, CountryCode callerCountry) =>
        LedgerError.PermissionDenied($"{id}: only an issuing authority of {id.Country} may register it; your authority is in {callerCountry} " +
            "and registers only permits that carry its own country code");

    /// <summary>Only the permit's issuing country may cancel or replace it.</summary>
    public static LedgerError NotIssuingCountry(PermitId id, CountryCode callerCountry) =>
        LedgerError.PermissionDenied($"{id}: only an issuing authority of {id.Country} may cancel or replace it; your authority is in {callerCountry}");

    /// <summary>
    /// The permit was registered by an authority of another country than its number's (see
    /// <see cref="Verification.VerificationReason.IssuerNotOfPermitCountry"/>): no customs office records against it.
    /// </summary>
    /// <param name="id">The permit number asked about.</param>
    /// <param name="issuerCountry">The country of the authority that registered it.</param>
    public static LedgerError NotGenuine(PermitId id, CountryCode? issuerCountry) =>
        LedgerError.FailedPrecondition(
            $"{id}: {Verification.VerificationTexts.NotGenuine(id, issuerCountry)}; record nothing against it and ask the issuing authority of {id.Country}");

    /// <summary>Only customs of the right country may record against the permit.</summary>
    /// <param name="id">The permit.</param>
    /// <param name="requiredCountry">The issuing country (export side) or the destination (import side).</param>
    /// <param name="callerCountry">The calling customs authority's country.</param>
    /// <param name="importSide">True for arrival confirmations, false for export records.</param>
    public static LedgerError WrongCustomsCountry(PermitId id, CountryCode requiredCountry, CountryCode callerCountry, bool importSide) =>
        LedgerError.PermissionDenied(
            $"{id}: only customs of {requiredCountry} may {(importSide ? "confirm arrivals" : "record shipments")} against it; your authority is in {callerCountry}");

    /// <summary>The caller's account is not a registered authority (contract error <c>UnknownAuthority</c>).</summary>
    public static LedgerError UnknownAuthority(string account) =>
        LedgerError.PermissionDenied($"{account} is not a registered authority; an issuing authority of your country must designate it first");

    /// <summary>The caller's authority is not active (contract error <c>AuthorityNotActive</c>).</summary>
    public static LedgerError AuthorityNotActive(string account, AuthorityStatus status) =>
        LedgerError.PermissionDenied($"authority {account} is {AuthorityTexts.Describe(status)}; it may act again once it is reinstated");

    /// <summary>The caller has the wrong role (contract error <c>WrongAuthorityKind</c>).</summary>
    public static LedgerError WrongAuthorityKind(string account, AuthorityKind actual, AuthorityKind required) =>
        LedgerError.PermissionDenied(
            $"authority {account} is registered as {AuthorityTexts.Describe(actual)}, but this needs {AuthorityTexts.Describe(required)}");

    /// <summary>No ledger node could be reached.</summary>
    public static LedgerError NodeUnavailable() =>
        LedgerError.Unavailable("no ledger node answered; retry later with the same request ID, which cannot record anything twice");

    private static int Human(int lineIndex) => lineIndex + 1;
}
