using Ledger.Api.V1;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Application;

/// <summary>RecordShipment: export-side customs (of the issuing country) record a shipment, consuming the permit.</summary>
internal sealed class RecordShipmentHandler(LedgerAccess ledger, ShipmentSubmission submission)
{
    /// <summary>Validates, authorises and records; the same reference with the same quantities is an idempotent repeat.</summary>
    public async Task<RecordShipmentResponse> HandleAsync(RecordShipmentRequest request, CallerIdentity caller, CancellationToken ct)
    {
        var input = ShipmentInput.Parse(request.PermitId, request.ShipmentReference, request.Quantities);
        await submission.AuthoriseAsync(caller, input, importSide: false, ct).ConfigureAwait(false);
        return await ledger.Writes.RunAsync(caller, new WriteOperation<RecordShipmentResponse>
        {
            Action = "RecordShipment",
            RequestId = request.RequestId,
            Request = request,
            Subject = input.Id.Normalised,
            Touches = [input.Id.Key],
            Context = new RevertContext(input.Id, input.Reference, ImportSide: false),
            Parser = RecordShipmentResponse.Parser,
            ReceiptOf = response => response.Receipt,
            Execute = async (sender, token) => Response(input, await submission.SubmitAsync(sender, caller, input, importSide: false, token).ConfigureAwait(false)),
            Respond = async (result, token) => Response(input, await submission.OutcomeOfAsync(result, input, importSide: false, token).ConfigureAwait(false)),
        }, ct).ConfigureAwait(false);
    }

    private static RecordShipmentResponse Response(ShipmentInput input, ShipmentOutcome outcome)
    {
        var response = new RecordShipmentResponse
        {
            Receipt = outcome.Receipt,
            ShipmentRefHash = input.Reference.Key.ToHex(),
            ShipmentsUsed = outcome.After.Permit.ShipmentsUsed,
            MaxShipments = outcome.After.Permit.MaxShipments,
            AlreadyRecorded = outcome.AlreadyRecorded,
        };
        response.Lines.AddRange(ApiMapping.ToBalances(outcome.After.Permit.Lines));
        return response;
    }
}
