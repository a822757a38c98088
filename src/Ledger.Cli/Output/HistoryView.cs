using System.Globalization;
using Ledger.Api.V1;
using Ledger.Cli.Input;

namespace Ledger.Cli.Output;

/// <summary>A permit's audit trail, one block per event, oldest first.</summary>
public static class HistoryView
{
    /// <summary>The block of one history entry.</summary>
    public static KeyValueBlock Entry(PermitHistoryEntry entry)
    {
        var block = new KeyValueBlock()
            .Add("event", Words.Of(entry.Kind))
            .Add("time", Words.Of(entry.BlockTime))
            .Add("by", Words.Of(entry.Actor))
            .Add("official ref", entry.ActorRef);
        switch (entry.DetailsCase)
        {
            case PermitHistoryEntry.DetailsOneofCase.Registration:
                var registration = entry.Registration;
                // A gateway may know only what the event carries (the document hash); a field it
                // did not fill is left out rather than printed as "unspecified" or "unlimited".
                var known = registration.Type != PermitType.Unspecified;
                block.Add("type", known ? Words.Of(registration.Type) : null)
                    .Add("valid", registration.ValidFrom is null || registration.ValidUntil is null
                        ? null
                        : $"{Words.Of(registration.ValidFrom)} .. {Words.Of(registration.ValidUntil)}")
                    .Add("destination", registration.DestinationCountry)
                    .Add("authorised", string.Join(", ", registration.Authorised))
                    .Add("max shipments", !known ? null
                        : registration.MaxShipments == 0 ? "unlimited" : registration.MaxShipments.ToString(CultureInfo.InvariantCulture))
                    .Add("document hash", registration.DocumentHash);
                break;
            case PermitHistoryEntry.DetailsOneofCase.Cancellation:
                block.Add("reason", CancelReasonNames.NameOf(entry.Cancellation.Reason))
                    .Add("replaced by", entry.Cancellation.ReplacementPermitKey);
                break;
            case PermitHistoryEntry.DetailsOneofCase.Shipment:
                block.Add("shipment ref hash", entry.Shipment.ShipmentRefHash)
                    .Add("quantities", string.Join(", ", entry.Shipment.Quantities))
                    .Add("consumed permit", entry.Shipment.ConsumedPermit ? "yes" : null);
                break;
        }
        return block
            .Add("block", entry.BlockNumber.ToString(CultureInfo.InvariantCulture))
            .Add("transaction", entry.TxHash);
    }
}
