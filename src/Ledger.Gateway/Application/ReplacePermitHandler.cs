using Ledger.Api.V1;
using Ledger.Core.Errors;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Application;

/// <summary>ReplacePermit: an issuing officer of the permit's country cancels it as replaced and registers the replacement, atomically.</summary>
internal sealed class ReplacePermitHandler(LedgerAccess ledger, PermitDocumentKeeper documents)
{
    /// <summary>The reason code recorded for a replacement (CANCEL_REASON_REPLACED).</summary>
    private const byte ReplacedReasonCode = (byte)CancelReason.Replaced;

    /// <summary>Validates both IDs and the replacement, authorises, keeps the replacement's document and replaces.</summary>
    public async Task<ReplacePermitResponse> HandleAsync(ReplacePermitRequest request, CallerIdentity caller, CancellationToken ct)
    {
        var now = ledger.Time.GetUtcNow();
        var oldId = ApiMapping.ParsePermitId(request.PermitId, "permit_id");
        var checkedReplacement = PermitDraftChecks.Validate([(request.Replacement, "replacement")], now)[0];
        var replacement = checkedReplacement.Registration;
        var country = await ledger.CallerCountryAsync(caller, ct).ConfigureAwait(false);
        if (country != oldId.Country)
            throw new LedgerException(Messages.NotIssuingCountry(oldId, country));
        PermitDraftChecks.RequireIssuingCountry([checkedReplacement], country);
        if (replacement.Previous is { } previous && previous != oldId)
            throw new LedgerException(LedgerError.InvalidArgument("replacement.previous_permit_id",
                $"names {previous}, but the replacement replaces {oldId}; leave it empty or give {oldId}"));

        return await ledger.Writes.RunAsync(caller, new WriteOperation<ReplacePermitResponse>
        {
            Action = "ReplacePermit",
            RequestId = request.RequestId,
            Request = request,
            Subject = $"{oldId.Normalised} -> {replacement.Id.Normalised}",
            Touches = [oldId.Key, replacement.Id.Key],
            Context = new RevertContext(oldId),
            Parser = ReplacePermitResponse.Parser,
            ReceiptOf = response => response.Receipt,
            Respond = (result, _) => Task.FromResult(new ReplacePermitResponse { Receipt = ApiMapping.ToReceipt(result), Replacement = RegisterPermitHandler.Registered(replacement) }),
            Execute = async (sender, token) =>
            {
                var result = await ledger.Writer.SendPermitRegistryAsync(
                    documents.KeepingBeforeBroadcast(sender, [checkedReplacement]),
                    permits => permits.ReplaceAsync(
                        oldId.Key.Value, ReplacedReasonCode, replacement.ToPermitInput(caller.ActorRef), caller.ActorRef.Value, token),
                    token).ConfigureAwait(false);
                return new ReplacePermitResponse { Receipt = ApiMapping.ToReceipt(result), Replacement = RegisterPermitHandler.Registered(replacement) };
            },
        }, ct).ConfigureAwait(false);
    }
}
