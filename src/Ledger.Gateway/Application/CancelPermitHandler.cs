using Ledger.Api.V1;
using Ledger.Core.Errors;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Application;

/// <summary>CancelPermit: an issuing officer of the permit's country cancels it for good.</summary>
internal sealed class CancelPermitHandler(LedgerAccess ledger)
{
    /// <summary>Validates, authorises (issuing country checked before sending) and cancels.</summary>
    public async Task<CancelPermitResponse> HandleAsync(CancelPermitRequest request, CallerIdentity caller, CancellationToken ct)
    {
        var id = ApiMapping.ParsePermitId(request.PermitId, "permit_id");
        if (request.Reason == CancelReason.Unspecified || !Enum.IsDefined(request.Reason))
            throw new LedgerException(LedgerError.InvalidArgument("reason", "is required, e.g. CANCEL_REASON_ISSUED_IN_ERROR"));
        // A cancellation "replaced" without a replacement would make verify promise a replacement key that does not exist.
        if (request.Reason == CancelReason.Replaced)
            throw new LedgerException(LedgerError.InvalidArgument("reason",
                "CANCEL_REASON_REPLACED is recorded only by ReplacePermit, together with the replacement; call ReplacePermit, or give another reason"));
        var country = await ledger.CallerCountryAsync(caller, ct).ConfigureAwait(false);
        if (country != id.Country)
            throw new LedgerException(Messages.NotIssuingCountry(id, country));

        return await ledger.Writes.RunAsync(caller, new WriteOperation<CancelPermitResponse>
        {
            Action = "CancelPermit",
            RequestId = request.RequestId,
            Request = request,
            Subject = id.Normalised,
            Touches = [id.Key],
            Context = new RevertContext(id),
            Parser = CancelPermitResponse.Parser,
            ReceiptOf = response => response.Receipt,
            Respond = (result, _) => Task.FromResult(new CancelPermitResponse { Receipt = ApiMapping.ToReceipt(result) }),
            Execute = async (sender, token) =>
            {
                var result = await ledger.Writer.SendPermitRegistryAsync(
                    sender,
                    permits => permits.CancelAsync(id.Key.Value, request.Reason.ToChainValue(), caller.ActorRef.Value, token),
                    token).ConfigureAwait(false);
                return new CancelPermitResponse { Receipt = ApiMapping.ToReceipt(result) };
            },
        }, ct).ConfigureAwait(false);
    }
}
