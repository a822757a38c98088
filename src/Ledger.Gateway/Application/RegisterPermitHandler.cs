using Ledger.Api.V1;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Errors;
using Ledger.Core.Registration;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Application;

/// <summary>RegisterPermit: an issuing officer anchors one permit of their authority's country.</summary>
internal sealed class RegisterPermitHandler(LedgerAccess ledger, RegistrationReplay replay, PermitDocumentKeeper documents)
{
    /// <summary>
    /// Validates (filling empty fields from a CITES or ePhyto document), authorises, and registers,
    /// keeping the document once the node's gas estimate found the registration would succeed; a retry or a re-registration of the same document answers with
    /// the first registration.
    /// </summary>
    public async Task<RegisterPermitResponse> HandleAsync(RegisterPermitRequest request, CallerIdentity caller, CancellationToken ct)
    {
        var now = ledger.Time.GetUtcNow();
        var permit = PermitDraftChecks.Validate([(request.Permit, "permit")], now)[0];
        var registration = permit.Registration;
        var country = await ledger.CallerCountryAsync(caller, ct).ConfigureAwait(false);
        PermitDraftChecks.RequireIssuingCountry([permit], country);

        return await ledger.Writes.RunAsync(caller, new WriteOperation<RegisterPermitResponse>
        {
            Action = "RegisterPermit",
            RequestId = request.RequestId,
            Request = request,
            Subject = registration.Id.Normalised,
            Touches = [registration.Id.Key],
            Context = new RevertContext(registration.Id),
            Parser = RegisterPermitResponse.Parser,
            ReceiptOf = response => response.Receipt,
            Execute = async (sender, token) =>
            {
                var receipt = await SendAsync(documents.KeepingBeforeBroadcast(sender, [permit]), caller, permit, token).ConfigureAwait(false);
                return new RegisterPermitResponse { Receipt = receipt, Permit = Registered(registration) };
            },
            Respond = (result, _) => Task.FromResult(new RegisterPermitResponse { Receipt = ApiMapping.ToReceipt(result), Permit = Registered(registration) }),
        }, ct).ConfigureAwait(false);
    }

    /// <summary>The API form of a registered permit.</summary>
    public static RegisteredPermit Registered(PermitRegistration registration) => new()
    {
        PermitId = registration.Id.Normalised,
        PermitKey = registration.Id.Key.ToString(),
        DocumentHash = registration.DocumentHash.ToString(),
    };

    private async Task<WriteReceipt> SendAsync(ITransactionSender sender, CallerIdentity caller, CheckedPermit permit, CancellationToken ct)
    {
        var registration = permit.Registration;
        try
        {
            var result = await ledger.Writer.SendPermitRegistryAsync(
                sender, permits => permits.RegisterAsync(registration.ToPermitInput(caller.ActorRef), ct), ct).ConfigureAwait(false);
            return ApiMapping.ToReceipt(result);
        }
        catch (ContractErrorException e) when (e.Error is PermitAlreadyRegistered)
        {
            // Registered already, perhaps by an earlier attempt that lost its answer: keep the
            // document if it is the anchored one (refused otherwise), then answer with the original.
            await documents.KeepForRegistrationAsync([permit], ct).ConfigureAwait(false);
            var original = await replay.FindSameRegistrationAsync(registration, ct).ConfigureAwait(false);
            if (original is null)
                throw;
            return original;
        }
    }
}
