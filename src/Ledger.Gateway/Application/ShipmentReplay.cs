using Ledger.Contracts;
using Ledger.Contracts.Permits;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Follower;

namespace Ledger.Gateway.Application;

/// <summary>
/// Recognises a shipment (export side) or arrival (import side) that the chain already holds
/// with the same reference and quantities, sent again under a new request ID (a client that
/// lost its request ID): it is answered from the chain, as a replay of the transaction that
/// recorded it, instead of sending a transaction that would change nothing. The recording
/// event is found through the follower's <see cref="PermitLogIndex"/> (which reads from the
/// node only the blocks it does not hold), not by a log scan of the permit's whole life.
/// </summary>
internal sealed class ShipmentReplay(LedgerAccess ledger, PermitLogIndex index)
{
    /// <summary>The earlier record of exactly this shipment on this side, or null when there is none (or it differs: the contract then refuses).</summary>
    public async Task<ShipmentOutcome?> FindSameAsync(ShipmentInput input, bool importSide, CancellationToken ct)
    {
        var key = input.Id.Key.Value;
        var reference = input.Reference.Key;
        var block = await ledger.Reader.Chain.GetBlockNumberAsync(ct).ConfigureAwait(false);
        var recorded = await ledger.Reader.Chain.PermitRegistry.ShipmentOfAsync(key, reference, new Nethereum.RPC.Eth.DTOs.BlockParameter(block), ct).ConfigureAwait(false);
        var (done, quantities) = importSide ? (recorded.ImportRecorded, recorded.Imported) : (recorded.ExportRecorded, recorded.Exported);
        if (!done || !quantities.SequenceEqual(input.Quantities))
            return null;
        await foreach (var earlier in index.ReadAsync(input.Id.Key, ledger.FirstBlock, block, ct).ConfigureAwait(false))
        {
            if (!IsRecordOf(earlier, reference, importSide))
                continue;
            var receipt = await ReplayedReceipt.OfAsync(ledger, earlier, ct).ConfigureAwait(false);
            var now = await ledger.Reader.ReadPermitAtAsync(input.Id.Key, block, ct).ConfigureAwait(false);
            return new ShipmentOutcome(receipt, earlier, now, AlreadyRecorded: true);
        }
        return null;
    }

    private static bool IsRecordOf(ContractEvent e, Ledger.Core.Primitives.Bytes32 reference, bool importSide) => importSide
        ? e is ArrivalConfirmed arrival && arrival.ShipmentRef == reference
        : e is ShipmentRecorded shipment && shipment.ShipmentRef == reference;
}
