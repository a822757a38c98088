using Ledger.Api.V1;
using Ledger.Core.Errors;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Application;

/// <summary>RegisterPermitBatch: an issuing officer anchors several permits in one transaction, all or none.</summary>
internal sealed class RegisterPermitBatchHandler(LedgerAccess ledger, PermitDocumentKeeper documents)
{
    /// <summary>Most permits per batch (the contract's MAX_BATCH).</summary>
    public const int MaxBatch = 100;

    /// <summary>Validates every draft (reporting all problems of all drafts), authorises, keeps every document and registers them together.</summary>
    public async Task<RegisterPermitBatchResponse> HandleAsync(RegisterPermitBatchRequest request, CallerIdentity caller, CancellationToken ct)
    {
        if (request.Permits.Count is 0 or > MaxBatch)
            throw new LedgerException(LedgerError.InvalidArgument("permits", $"has {request.Permits.Count} permits; a batch has 1 to {MaxBatch}"));
        var drafts = request.Permits.Select((draft, i) => ((PermitDraft?)draft, $"permits[{i}]")).ToList();
        var now = ledger.Time.GetUtcNow();
        var permits = PermitDraftChecks.Validate(drafts, now);
        var registrations = permits.Select(p => p.Registration).ToList();
        var country = await ledger.CallerCountryAsync(caller, ct).ConfigureAwait(false);
        PermitDraftChecks.RequireIssuingCountry(permits, country);
        var duplicate = registrations.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new LedgerException(LedgerError.InvalidArgument("permits", $"{duplicate.Key} appears more than once in the batch"));

        return await ledger.Writes.RunAsync(caller, new WriteOperation<RegisterPermitBatchResponse>
        {
            Action = "RegisterPermitBatch",
            RequestId = request.RequestId,
            Request = request,
            Subject = $"{registrations.Count} permits from {registrations[0].Id.Normalised}",
            Touches = registrations.Select(r => r.Id.Key).ToList(),
            Context = new RevertContext(Batch: registrations.Select(r => r.Id).ToList()),
            Parser = RegisterPermitBatchResponse.Parser,
            ReceiptOf = response => response.Receipt,
            Execute = async (sender, token) =>
            {
                var inputs = registrations.Select(r => r.ToPermitInput(caller.ActorRef)).ToList();
                var keeping = documents.KeepingBeforeBroadcast(sender, permits);
                var result = await ledger.Writer.SendPermitRegistryAsync(keeping, permits => permits.RegisterBatchAsync(inputs, token), token).ConfigureAwait(false);
                return Response(result, registrations);
            },
            Respond = (result, _) => Task.FromResult(Response(result, registrations)),
        }, ct).ConfigureAwait(false);
    }

    private static RegisterPermitBatchResponse Response(ChainWriteResult result, IEnumerable<Ledger.Core.Registration.PermitRegistration> registrations)
    {
        var response = new RegisterPermitBatchResponse { Receipt = ApiMapping.ToReceipt(result) };
        response.Permits.AddRange(registrations.Select(RegisterPermitHandler.Registered));
        return response;
    }
}
