using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Core.Errors;
using Ledger.Gateway.Identity;
using Ledger.Gateway.Observability;
using Ledger.Gateway.Stores;

namespace Ledger.Gateway.Application;

/// <summary>
/// HoldPermitDraft: an issuing officer keeps a permit document at its own gateway as a draft,
/// without registering it (EPIX GET NON FINAL, issuer side). Nothing goes on chain.
/// </summary>
internal sealed class HoldPermitDraftHandler(LedgerAccess ledger, PermitDocumentKeeper documents, AuditLog audit)
{
    /// <summary>Checks the draft as a registration would be checked, refuses a permit already on chain, and holds the document.</summary>
    public async Task<HoldPermitDraftResponse> HandleAsync(HoldPermitDraftRequest request, CallerIdentity caller, CancellationToken ct)
    {
        if (!IdempotencyKey.TryCreate(caller.AuthorityAddress, request.RequestId, out _, out var requestIdError))
            throw new LedgerException(LedgerError.InvalidArgument("request_id", requestIdError));
        if (request.Permit is { Document.IsEmpty: true })
            throw new LedgerException(LedgerError.InvalidArgument("permit.document", "is required: a draft is a document held at the issuer's gateway"));
        var permit = PermitDraftChecks.Validate([(request.Permit, "permit")], ledger.Time.GetUtcNow())[0];
        var country = await ledger.CallerCountryAsync(caller, ct).ConfigureAwait(false);
        PermitDraftChecks.RequireIssuingCountry([permit], country);
        var id = permit.Registration.Id;
        var anchored = await ledger.Reader.ReadPermitAsync(id.Key, ct).ConfigureAwait(false);
        if (anchored.Permit.Exists)
            throw new LedgerException(LedgerError.FailedPrecondition(
                $"permit {id.Normalised} is already registered on the ledger, so it cannot be held as a draft; a corrected document needs a replacement permit"));

        var held = await documents.HoldDraftAsync(permit, ct).ConfigureAwait(false);
        audit.Succeeded(caller.OfficialIdentity, caller.AuthorityAddress, "HoldPermitDraft", request.RequestId, id.Normalised, "-", replayed: !held.Created);
        return new HoldPermitDraftResponse
        {
            Permit = RegisterPermitHandler.Registered(permit.Registration),
            HeldAsDraft = held.Metadata.IsDraft,
            RetainUntil = Timestamp.FromDateTimeOffset(held.Metadata.RetainUntil),
        };
    }
}
