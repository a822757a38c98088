using Ledger.Contracts;
using Ledger.Contracts.Permits;
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

    /// <summary>
    /// Sends <c>recordShipment</c> or <c>confirmArrival</c>; returns the result, the event
    /// (<see cref="ShipmentRecorded"/> or <see cref="ArrivalConfirmed"/>; null for an idempotent repeat) and the permit afterwards.
    /// </summary>
    public async Task<(ChainWriteResult Result, ContractEvent? Event, PermitSnapshot After)> SendAsync(
        CallerIdentity caller, ShipmentInput input, bool importSide, CancellationToken ct)
    {
        var sender = await ledger.Keys.SenderForAsync(caller).ConfigureAwait(false);
        var key = ChainValues.ToHash32(input.Id.Key.Value);
        var reference = ChainValues.ToHash32(input.Reference.Key);
        var actorRef = ChainValues.ToHash32(caller.ActorRef.Value);
        var result = await ledger.Writer.SendPermitRegistryAsync(
            sender,
            async permits => importSide
                ? (await permits.ConfirmArrivalAsync(key, reference, input.Quantities, actorRef, ct).ConfigureAwait(false)).Outcome
                : (await permits.RecordShipmentAsync(key, reference, input.Quantities, actorRef, ct).ConfigureAwait(false)).Outcome,
            ct).ConfigureAwait(false);
        var recorded = result.Events.FirstOrDefault(e => importSide ? e is ArrivalConfirmed : e is ShipmentRecorded);
        var after = await ledger.Reader.ReadPermitAtAsync(input.Id.Key, result.Receipt.BlockNumber, ct).ConfigureAwait(false);
        return (result, recorded, after);
    }
}
