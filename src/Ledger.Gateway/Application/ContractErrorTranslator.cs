using Ledger.Core.Primitives;
using Ledger.Contracts;
using Ledger.Contracts.Errors;
using Ledger.Core.Countries;
using Ledger.Core.Errors;
using Ledger.Gateway.Chain;
using CoreAuthorityKind = Ledger.Core.Authorities.AuthorityKind;
using AuthorityTexts = Ledger.Core.Authorities.AuthorityTexts;
using CoreAuthorityStatus = Ledger.Core.Authorities.AuthorityStatus;
using CoreReason = Ledger.Core.Verification.VerificationReason;
using PermitId = Ledger.Core.Permits.PermitId;

namespace Ledger.Gateway.Application;

/// <summary>
/// Turns the contracts' custom errors into Core's officer-actionable messages and their gRPC
/// kinds: FAILED_PRECONDITION for cancelled, expired, exhausted or reused permits,
/// PERMISSION_DENIED for the wrong country or kind, ALREADY_EXISTS for a taken permit key,
/// INVALID_ARGUMENT for malformed input the gateway's own checks let through.
/// </summary>
internal static class ContractErrorTranslator
{
    /// <summary>The error for <paramref name="error"/> raised by a write described by <paramref name="context"/>.</summary>
    public static LedgerError Translate(ContractError error, RevertContext context)
    {
        ArgumentNullException.ThrowIfNull(error);
        var id = context.PermitId ?? BatchMember(error, context.Batch);
        if (id is not null && TranslatePermitError(error, context, id) is { } permitError)
            return permitError;
        return error switch
        {
            UnknownAuthority e => Messages.UnknownAuthority(Account(e.Account)),
            AuthorityNotActive e => Messages.AuthorityNotActive(Account(e.Account), (CoreAuthorityStatus)e.Status),
            WrongAuthorityKind e => Messages.WrongAuthorityKind(Account(e.Account), (CoreAuthorityKind)e.Actual, (CoreAuthorityKind)e.Required),
            WrongCountry e => LedgerError.PermissionDenied(
                $"authority {Account(e.Account)} is of {Country(e.Actual)}, but this needs an authority of {Country(e.Required)}"),
            AuthorityAlreadyExists e => LedgerError.AlreadyExists($"{Account(e.Account)} is already an authority; accounts are never reused, so designate a new account"),
            UnknownProposal e => LedgerError.NotFound($"proposal {e.Id} does not exist; list the proposals to find its number"),
            NotEligibleToVote e => LedgerError.PermissionDenied($"your authority was admitted after proposal {e.Id} opened and may not vote on it"),
            AlreadyVoted e => LedgerError.FailedPrecondition($"your authority has already voted for proposal {e.Id}"),
            ProposalAlreadyExecuted e => LedgerError.FailedPrecondition($"proposal {e.Id} has already been carried out"),
            ProposalExpired e => LedgerError.FailedPrecondition($"voting on proposal {e.Id} has ended; propose again"),
            ProposalAlreadyOpen e => LedgerError.FailedPrecondition($"proposal {e.Id} about {Account(e.Account)} is still open; vote on it instead"),
            StatusUnchanged e => LedgerError.FailedPrecondition($"{Account(e.Account)} is already {AuthorityTexts.Describe((CoreAuthorityStatus)e.Status)}"),
            LastActiveIssuer e => LedgerError.FailedPrecondition($"{Account(e.Account)} is the last active issuer; suspending it would leave nobody to govern"),
            _ => LedgerError.InvalidArgument($"the ledger refused the request: {error}"),
        };
    }

    private static LedgerError? TranslatePermitError(ContractError error, RevertContext context, PermitId id)
    {
        var shipment = context.Shipment;
        return error switch
        {
            QuantityExceeded e => Messages.LineExceeded(id, Small(e.Line), e.Remaining, e.Requested),
            ShipmentLimitReached e => Messages.ShipmentLimitReached(id, e.ShipmentsUsed, e.MaxShipments),
            ShipmentConflict when shipment is not null => Messages.ShipmentConflict(id, shipment),
            ArrivalExceedsExport e when shipment is not null => Messages.ArrivalExceedsExport(id, shipment, Small(e.Line), e.Arrived, e.Exported),
            ExportBelowArrival e when shipment is not null => Messages.ExportBelowArrival(id, shipment, Small(e.Line), e.Exported, e.Arrived),
            EmptyShipment when shipment is not null => Messages.EmptyShipment(id, shipment),
            LineCountMismatch e => Messages.LineCountMismatch(id, Small(e.Expected), Small(e.Given)),
            PermitNotUsable e => Messages.PermitNotUsable(id, (CoreReason)e.Reason),
            UnknownPermit => Messages.PermitUnknown(id),
            PermitAlreadyRegistered => Messages.PermitAlreadyRegistered(id),
            PermitAlreadyClosed e => Messages.PermitAlreadyClosed(id, replaced: e.State == PermitState.Replaced),
            NoDestination => Messages.NoDestination(id),
            WrongCountry e when CountryOrNull(e.Actual) is { } actual && CountryOrNull(e.Required) is { } required =>
                shipment is null
                    ? Messages.NotIssuingCountry(id, actual)
                    : Messages.WrongCustomsCountry(id, required, actual, context.ImportSide),
            _ => null,
        };
    }

    /// <summary>The batch member a permit error is about, picked by the key the error carries.</summary>
    private static PermitId? BatchMember(ContractError error, IReadOnlyList<PermitId>? batch)
    {
        if (batch is null || PermitKeyOf(error) is not { } key)
            return null;
        var permitKey = new Core.Permits.PermitKey(key);
        return batch.FirstOrDefault(id => id.Key == permitKey);
    }

    /// <summary>The permit key of the errors <see cref="TranslatePermitError"/> tells about; null for others.</summary>
    private static Bytes32? PermitKeyOf(ContractError error) => error switch
    {
        QuantityExceeded e => e.Key,
        ShipmentLimitReached e => e.Key,
        ShipmentConflict e => e.Key,
        ArrivalExceedsExport e => e.Key,
        ExportBelowArrival e => e.Key,
        EmptyShipment e => e.Key,
        LineCountMismatch e => e.Key,
        PermitNotUsable e => e.Key,
        UnknownPermit e => e.Key,
        PermitAlreadyRegistered e => e.Key,
        PermitAlreadyClosed e => e.Key,
        NoDestination e => e.Key,
        _ => null,
    };

    private static string Account(Address account) => account.ToChecksumHex();

    private static int Small(ulong value) => checked((int)value);

    private static CountryCode? CountryOrNull(CountryBytes country) => ChainValues.ToCountry(country);

    private static string Country(CountryBytes country) => CountryOrNull(country)?.Value ?? "no country";
}
