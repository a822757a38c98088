using Ledger.Api.V1;
using ArrivalConfirmed = Ledger.Contracts.Permits.ArrivalConfirmed;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Application;

/// <summary>ConfirmArrival: import-side customs (of the destination) confirm what arrived (EPIX CONFIRM QUANTITIES).</summary>
internal sealed class ConfirmArrivalHandler(LedgerAccess ledger, ShipmentSubmission submission)
{
    /// <summary>Validates, authorises and confirms; an arrival the export side never recorded consumes the permit.</summary>
    public async Task<ConfirmArrivalResponse> HandleAsync(ConfirmArrivalRequest request, CallerIdentity caller, CancellationToken ct)
    {
        var input = ShipmentInput.Parse(request.PermitId, request.ShipmentReference, request.Quantities);
        await submission.AuthoriseAsync(caller, input, importSide: true, ct).ConfigureAwait(false);
        return await ledger.Writes.RunAsync(caller, new WriteOperation<ConfirmArrivalResponse>
        {
            Action = "ConfirmArrival",
            RequestId = request.RequestId,
            Request = request,
            Subject = input.Id.Normalised,
            Touches = [input.Id.Key],
            Context = new RevertContext(input.Id, input.Reference, ImportSide: true),
            Parser = ConfirmArrivalResponse.Parser,
            ReceiptOf = response => response.Receipt,
            Execute = async (sender, token) => Response(input, await submission.SubmitAsync(sender, caller, input, importSide: true, token).ConfigureAwait(false)),
            Respond = async (result, token) => Response(input, await submission.OutcomeOfAsync(result, input, importSide: true, token).ConfigureAwait(false)),
        }, ct).ConfigureAwait(false);
    }

    private static ConfirmArrivalResponse Response(ShipmentInput input, ShipmentOutcome outcome)
    {
        var response = new ConfirmArrivalResponse
        {
            Receipt = outcome.Receipt,
            ShipmentRefHash = input.Reference.Key.ToHex(),
            ConsumedPermit = outcome.Event is ArrivalConfirmed { Consumed: true },
            AlreadyRecorded = outcome.AlreadyRecorded,
        };
        response.Lines.AddRange(ApiMapping.ToBalances(outcome.After.Permit.Lines));
        return response;
    }
}
