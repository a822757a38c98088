using Ledger.Chain.Abi;
using Ledger.Core.Errors;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Application;

/// <summary>
/// What recording a shipment (export side) and confirming an arrival (import side) share:
/// the customs role, the country pre-check against the permit (issuing country or
/// destination) for a precise refusal before anything is sent, and the contract call.
/// </summary>
internal sealed class ShipmentSubmission(LedgerAccess ledger)
{
    /// <summary>Checks role, authority and country; throws PERMISSION_DENIED or FAILED_PRECONDITION before sending.</summary>
    public async Task AuthoriseAsync(CallerIdentity caller, ShipmentInput input, bool importSide, CancellationToken ct)
    {
        caller.RequireRole(CallerRole.CustomsOfficer);
        var country = await ledger.CallerCountryAsync(caller, ct).ConfigureAwait(false);
        var snapshot = await ledger.Reader.ReadPermitAsync(input.Id.Key, ct).ConfigureAwait(false);
        var permit = snapshot.Permit;
        if (!permit.Exists)
            throw new LedgerException(Messages.PermitUnknown(input.Id));
        if (importSide && permit.Destination is null)
            throw new LedgerException(Messages.NoDestination(input.Id));
        var required = importSide ? permit.Destination! : permit.IssuerCountry!;
        if (required != country)
            throw new LedgerException(Messages.WrongCustomsCountry(input.Id, required, country, importSide));
    }

    /// <summary>Sends <c>recordShipment</c> or <c>confirmArrival</c>; returns the result, the event (null for an idempotent repeat) and the permit afterwards.</summary>
    public async Task<(ChainWriteResult Result, AbiTuple? Event, PermitSnapshot After)> SendAsync(
        CallerIdentity caller, ShipmentInput input, bool importSide, CancellationToken ct)
    {
        var sender = await ledger.Keys.SenderForAsync(caller).ConfigureAwait(false);
        var result = await ledger.Writer.SendPermitRegistryAsync(
            sender,
            importSide ? "confirmArrival" : "recordShipment",
            ct,
            input.Id.Key.Value.ToArray(),
            input.Reference.Key.ToArray(),
            ChainValues.FromQuantities(input.Quantities),
            caller.ActorRef.Value.ToArray()).ConfigureAwait(false);
        var recorded = result.EventsNamed(importSide ? "ArrivalConfirmed" : "ShipmentRecorded").FirstOrDefault();
        var after = await ledger.Reader.ReadPermitAtAsync(input.Id.Key, result.Receipt.BlockNumber, ct).ConfigureAwait(false);
        return (result, recorded?.Event.Values, after);
    }
}
