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
            Execute = async token =>
            {
                var (result, confirmed, after) = await submission.SendAsync(caller, input, importSide: true, token).ConfigureAwait(false);
                var response = new ConfirmArrivalResponse
                {
                    Receipt = ApiMapping.ToReceipt(result),
                    ShipmentRefHash = input.Reference.Key.ToHex(),
                    ConsumedPermit = confirmed is ArrivalConfirmed { Consumed: true },
                    AlreadyRecorded = confirmed is null,
                };
                response.Lines.AddRange(ApiMapping.ToBalances(after.Permit.Lines));
                return response;
            },
        }, ct).ConfigureAwait(false);
    }
}
