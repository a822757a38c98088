using System.Globalization;
using Ledger.Api.V1;
using Ledger.Cli.Input;

namespace Ledger.Cli.Output;

/// <summary>Readable blocks for the answers of PermitService.</summary>
public static class PermitViews
{
    /// <summary>A verification: status with its reason first, then what is anchored.</summary>
    public static KeyValueBlock Verification(VerifyPermitResponse answer)
    {
        var block = new KeyValueBlock()
            .Add("permit", answer.PermitId)
            .Add("status", Words.StatusWithReason(answer.Status, answer.Reason))
            .Add("detail", answer.StatusText)
            .Add("issuer", Words.Of(answer.Issuer))
            .Add("type", answer.Type == PermitType.Unspecified ? null : Words.Of(answer.Type))
            .Add("valid from", Words.Of(answer.ValidFrom))
            .Add("valid until", Words.Of(answer.ValidUntil))
            .Add("destination", answer.DestinationCountry);
        AddLines(block, answer.Lines);
        if (answer.Issuer is not null)
            block.Add("shipments", Words.Shipments(answer.ShipmentsUsed, answer.MaxShipments));
        block.Add("document hash", answer.DocumentHash);
        if (answer.HasDocumentMatches)
            block.Add("document", Words.DocumentMatch(answer.DocumentMatches, answer.Reason));
        return block
            .Add("derived from", answer.PreviousPermitKey)
            .Add("replaced by", answer.ReplacementPermitKey)
            .Add("permit key", answer.PermitKey)
            .Add("as of block", answer.AsOfBlock.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A registration: the permit's ID, key and anchored hash, and where it landed.</summary>
    public static KeyValueBlock Registered(RegisteredPermit permit, WriteReceipt? receipt) =>
        ReceiptView.AddTo(new KeyValueBlock()
            .Add("registered", permit.PermitId)
            .Add("permit key", permit.PermitKey)
            .Add("document hash", permit.DocumentHash), receipt);

    /// <summary>A recorded shipment and the permit's balance after it.</summary>
    public static KeyValueBlock Shipment(string permitId, RecordShipmentResponse answer)
    {
        var block = new KeyValueBlock()
            .Add("shipment", answer.AlreadyRecorded ? "already recorded (nothing consumed again)" : "recorded")
            .Add("permit", permitId)
            .Add("shipment ref hash", answer.ShipmentRefHash);
        AddLines(block, answer.Lines);
        block.Add("shipments", Words.Shipments(answer.ShipmentsUsed, answer.MaxShipments));
        return ReceiptView.AddTo(block, answer.Receipt);
    }

    /// <summary>A confirmed arrival and the permit's balance after it.</summary>
    public static KeyValueBlock Arrival(string permitId, ConfirmArrivalResponse answer)
    {
        var block = new KeyValueBlock()
            .Add("arrival", answer.AlreadyRecorded ? "already confirmed" : "confirmed")
            .Add("permit", permitId)
            .Add("shipment ref hash", answer.ShipmentRefHash)
            .Add("consumed permit", answer.ConsumedPermit ? "yes: the export side had not recorded this shipment" : null);
        AddLines(block, answer.Lines);
        return ReceiptView.AddTo(block, answer.Receipt);
    }

    /// <summary>A cancellation.</summary>
    public static KeyValueBlock Cancelled(string permitId, CancelReason reason, WriteReceipt? receipt) =>
        ReceiptView.AddTo(new KeyValueBlock()
            .Add("cancelled", permitId)
            .Add("reason", CancelReasonNames.NameOf(reason)), receipt);

    private static void AddLines(KeyValueBlock block, IReadOnlyList<LineBalance> lines)
    {
        for (var i = 0; i < lines.Count; i++)
            block.Add($"line {i + 1}", Words.Of(lines[i]));
    }
}
