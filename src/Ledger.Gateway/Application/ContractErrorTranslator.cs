using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;
using Ledger.Core.Authorities;
using Ledger.Core.Countries;
using Ledger.Core.Errors;
using Ledger.Core.Verification;
using Ledger.Gateway.Chain;

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
    public static LedgerError Translate(CustomErrorRevert error, RevertContext context)
    {
        var args = error.Arguments;
        var id = context.PermitId ?? BatchMember(args, context.Batch);
        if (id is not null)
        {
            var permitError = TranslatePermitError(error.Name, args, context, id);
            if (permitError is not null)
                return permitError;
        }
        return error.Name switch
        {
            "UnknownAuthority" => Messages.UnknownAuthority(Account(args, "account")),
            "AuthorityNotActive" => Messages.AuthorityNotActive(Account(args, "account"), (AuthorityStatus)Small(args, "status")),
            "WrongAuthorityKind" => Messages.WrongAuthorityKind(
                Account(args, "account"), (AuthorityKind)Small(args, "actual"), (AuthorityKind)Small(args, "required")),
            "WrongCountry" => LedgerError.PermissionDenied(
                $"authority {Account(args, "account")} is of {Country(args, "actual")}, but this needs an authority of {Country(args, "required")}"),
            "AuthorityAlreadyExists" => LedgerError.AlreadyExists($"{Account(args, "account")} is already an authority; accounts are never reused, so designate a new account"),
            "UnknownProposal" => LedgerError.NotFound($"proposal {args["id"]} does not exist; list the proposals to find its number"),
            "NotEligibleToVote" => LedgerError.PermissionDenied($"your authority was admitted after proposal {args["id"]} opened and may not vote on it"),
            "AlreadyVoted" => LedgerError.FailedPrecondition($"your authority has already voted for proposal {args["id"]}"),
            "ProposalAlreadyExecuted" => LedgerError.FailedPrecondition($"proposal {args["id"]} has already been carried out"),
            "ProposalExpired" => LedgerError.FailedPrecondition($"voting on proposal {args["id"]} has ended; propose again"),
            "ProposalAlreadyOpen" => LedgerError.FailedPrecondition($"proposal {args["id"]} about {Account(args, "account")} is still open; vote on it instead"),
            "StatusUnchanged" => LedgerError.FailedPrecondition($"{Account(args, "account")} is already {AuthorityTexts.Describe((AuthorityStatus)Small(args, "status"))}"),
            "LastActiveIssuer" => LedgerError.FailedPrecondition($"{Account(args, "account")} is the last active issuer; suspending it would leave nobody to govern"),
            _ => LedgerError.InvalidArgument($"the ledger refused the request: {error.Message}"),
        };
    }

    private static LedgerError? TranslatePermitError(string name, AbiTuple args, RevertContext context, Core.Permits.PermitId id)
    {
        var shipment = context.Shipment;
        return name switch
        {
            "QuantityExceeded" => Messages.LineExceeded(id, Line(args), Amount(args, "remaining"), Amount(args, "requested")),
            "ShipmentLimitReached" => Messages.ShipmentLimitReached(id, Small(args, "shipmentsUsed"), Small(args, "maxShipments")),
            "ShipmentConflict" when shipment is not null => Messages.ShipmentConflict(id, shipment),
            "ArrivalExceedsExport" when shipment is not null =>
                Messages.ArrivalExceedsExport(id, shipment, Line(args), Amount(args, "arrived"), Amount(args, "exported")),
            "ExportBelowArrival" when shipment is not null =>
                Messages.ExportBelowArrival(id, shipment, Line(args), Amount(args, "exported"), Amount(args, "arrived")),
            "EmptyShipment" when shipment is not null => Messages.EmptyShipment(id, shipment),
            "LineCountMismatch" => Messages.LineCountMismatch(id, Small(args, "expected"), Small(args, "given")),
            "PermitNotUsable" => Messages.PermitNotUsable(id, (VerificationReason)Small(args, "reason")),
            "UnknownPermit" => Messages.PermitUnknown(id),
            "PermitAlreadyRegistered" => Messages.PermitAlreadyRegistered(id),
            "PermitAlreadyClosed" => Messages.PermitAlreadyClosed(id, replaced: Small(args, "state") == 3),
            "NoDestination" => Messages.NoDestination(id),
            "WrongCountry" when CountryOrNull(args, "actual") is { } actual && CountryOrNull(args, "required") is { } required =>
                context.Shipment is null
                    ? Messages.NotIssuingCountry(id, actual)
                    : Messages.WrongCustomsCountry(id, required, actual, context.ImportSide),
            _ => null,
        };
    }

    private static Core.Permits.PermitId? BatchMember(AbiTuple args, IReadOnlyList<Core.Permits.PermitId>? batch)
    {
        if (batch is null || !args.TryGet("key", out var key) || key is not byte[] bytes)
            return null;
        var permitKey = new Core.Permits.PermitKey(new Core.Primitives.Bytes32(bytes));
        return batch.FirstOrDefault(id => id.Key == permitKey);
    }

    private static string Account(AbiTuple args, string name) => ((Address)args[name]!).ToChecksumHex();

    private static int Small(AbiTuple args, string name) => checked((int)ChainValues.ToUInt64(args[name]));

    private static int Line(AbiTuple args) => Small(args, "line");

    private static UInt128 Amount(AbiTuple args, string name) => ChainValues.ToQuantity(args[name]);

    private static CountryCode? CountryOrNull(AbiTuple args, string name) => ChainValues.ToCountry(args[name]);

    private static string Country(AbiTuple args, string name) => CountryOrNull(args, name)?.Value ?? "no country";
}
