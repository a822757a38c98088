using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Permits;
using Ledger.Core.Errors;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Application;

/// <summary>
/// What recording a shipment (export side) and confirming an arrival (import side) share:
/// the customs role, the pre-checks against the permit (registered by its number's country;
/// the caller of its issuing country or destination) for a precise refusal before anything
/// is sent, and the contract call.
/// </summary>
internal sealed class ShipmentSubmission(LedgerAccess ledger, ShipmentReplay replay)
{
    /// <summary>Checks role, authority and country; throws PERMISSION_DENIED or FAILED_PRECONDITION before sending.</summary>
    public async Task AuthoriseAsync(CallerIdentity caller, ShipmentInput input, bool importSide, CancellationToken ct)
    {
        var country = await ledger.CallerCountryAsync(caller, ct).ConfigureAwait(false);
        var snapshot = await ledger.Reader.ReadPermitAsync(input.Id.Key, ct).ConfigureAwait(false);
        var permit = snapshot.Permit;
        if (!permit.Exists)
            throw new LedgerException(Messages.PermitUnknown(input.Id));
        // Another country's authority squatting the number (the contract cannot tell): what it registered
        // is not the permit, and its own customs or the destination's must not consume it.
        if (permit.IssuerCountry != input.Id.Country)
            throw new LedgerException(Messages.NotGenuine(input.Id, permit.IssuerCountry));
        if (importSide && permit.Destination is null)
            throw new LedgerException(Messages.NoDestination(input.Id));
        var required = importSide ? permit.Destination! : permit.IssuerCountry!;
        if (required != country)
            throw new LedgerException(Messages.WrongCustomsCountry(input.Id, required, country, importSide));
    }

    /// <summary>
    /// Sends <c>recordShipment</c> or <c>confirmArrival</c> with <paramref name="sender"/>, unless
    /// the chain already holds exactly this shipment on this side: then it answers from the
    /// chain and sends nothing.
    /// </summary>
    public async Task<ShipmentOutcome> SubmitAsync(ITransactionSender sender, CallerIdentity caller, ShipmentInput input, bool importSide, CancellationToken ct)
    {
        if (await replay.FindSameAsync(input, importSide, ct).ConfigureAwait(false) is { } earlier)
            return earlier;
        var key = input.Id.Key.Value;
        var reference = input.Reference.Key;
        var actorRef = caller.ActorRef.Value;
        var result = await ledger.Writer.SendPermitRegistryAsync(
            sender,
            async permits => importSide
                ? (await permits.ConfirmArrivalAsync(key, reference, input.Quantities, actorRef, ct).ConfigureAwait(false)).Outcome
                : (await permits.RecordShipmentAsync(key, reference, input.Quantities, actorRef, ct).ConfigureAwait(false)).Outcome,
            ct).ConfigureAwait(false);
        return await OutcomeOfAsync(result, input, importSide, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The outcome of a mined <c>recordShipment</c> or <c>confirmArrival</c>: its event
    /// (<see cref="ShipmentRecorded"/> or <see cref="ArrivalConfirmed"/>; none for a repeat the
    /// contract recognised) and the permit at its block.
    /// </summary>
    public async Task<ShipmentOutcome> OutcomeOfAsync(ChainWriteResult result, ShipmentInput input, bool importSide, CancellationToken ct)
    {
        var recorded = result.Events.FirstOrDefault(e => importSide ? e is ArrivalConfirmed : e is ShipmentRecorded);
        var after = await ledger.Reader.ReadPermitAtAsync(input.Id.Key, result.Receipt.BlockNumber, ct).ConfigureAwait(false);
        return new ShipmentOutcome(ApiMapping.ToReceipt(result), recorded, after, AlreadyRecorded: recorded is null);
    }
}
