using Ledger.Api.V1;
using Ledger.Console.Backend;

namespace Ledger.Console.Pages.Customs;

/// <summary>
/// Customs officers: record a shipment (export side) or confirm an arrival (import side) with
/// its quantities. The ledger consumes the permit atomically; a second use is refused and the
/// refusal is shown as the page's alert.
/// </summary>
public sealed class ShipmentModel(ILedgerConsoleBackend backend) : ConsolePage(backend)
{
    /// <summary>The two forms: handler, legend, hint, button text.</summary>
    public static IReadOnlyList<(string Handler, string Legend, string Hint, string Button)> Forms { get; } =
    [
        ("Shipment", "Record a shipment (export)", "Customs of the issuing country, when the goods leave. This uses the permit.", "Record shipment"),
        ("Arrival", "Confirm an arrival (import)", "Customs of the destination country: the quantities that really arrived, never more than exported.", "Confirm arrival"),
    ];

    /// <summary>The permit number.</summary>
    public string Id { get; private set; } = "";

    /// <summary>The permit as the ledger holds it now.</summary>
    public VerifyPermitResponse? Permit { get; private set; }

    /// <summary>The idempotency key of the forms on this page.</summary>
    public string RequestId { get; } = NewRequestId();

    /// <summary>What was recorded, after a successful submission.</summary>
    public string? Done { get; private set; }

    /// <summary>Shows the forms for <paramref name="id"/>.</summary>
    public Task OnGetAsync(string? id) => LoadAsync(id);

    /// <summary>Records a shipment.</summary>
    public async Task OnPostShipmentAsync(string id, string requestId, string reference, List<string> quantities)
    {
        var request = new RecordShipmentRequest { RequestId = requestId, PermitId = id ?? "", ShipmentReference = reference ?? "" };
        request.Quantities.AddRange(Lines(quantities));
        var response = await AttemptAsync(ct => Backend.RecordShipmentAsync(User, request, ct));
        if (response is not null)
            Done = response.AlreadyRecorded
                ? $"This shipment ({reference}) was already recorded with the same quantities; nothing was used twice."
                : $"Shipment {reference} recorded in block {response.Receipt.BlockNumber}: shipments used {ConsoleText.Shipments(response.ShipmentsUsed, response.MaxShipments)}.";
        await LoadAsync(id);
    }

    /// <summary>Confirms an arrival.</summary>
    public async Task OnPostArrivalAsync(string id, string requestId, string reference, List<string> quantities)
    {
        var request = new ConfirmArrivalRequest { RequestId = requestId, PermitId = id ?? "", ShipmentReference = reference ?? "" };
        request.Quantities.AddRange(Lines(quantities));
        var response = await AttemptAsync(ct => Backend.ConfirmArrivalAsync(User, request, ct));
        if (response is not null)
            Done = response.AlreadyRecorded
                ? $"This arrival ({reference}) was already confirmed with the same quantities."
                : $"Arrival of {reference} confirmed in block {response.Receipt.BlockNumber}.";
        await LoadAsync(id);
    }

    private static IEnumerable<QuantityLine> Lines(List<string>? quantities) =>
        (quantities ?? []).Select(amount => new QuantityLine { Amount = amount?.Trim() ?? "" });

    private async Task LoadAsync(string? id)
    {
        Id = id?.Trim() ?? "";
        if (Id.Length == 0)
            return;
        // A refusal of the write stays on the page; a failed read only adds nothing.
        var error = Error;
        Permit = error is null
            ? await AttemptAsync(ct => Backend.VerifyAsync(new VerifyPermitRequest { PermitId = Id }, ct))
            : await ReadQuietlyAsync();
    }

    private async Task<VerifyPermitResponse?> ReadQuietlyAsync()
    {
        try
        {
            return await Backend.VerifyAsync(new VerifyPermitRequest { PermitId = Id }, HttpContext.RequestAborted);
        }
        catch (Ledger.Core.Errors.LedgerException)
        {
            return null;
        }
    }
}
