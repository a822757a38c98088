using Google.Protobuf;
using Ledger.Api.V1;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Authorities;
using Ledger.Core.Countries;
using Ledger.Core.Errors;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Identity;
using ChainAuthorityKind = Ledger.Contracts.AuthorityKind;

namespace Ledger.Gateway.Application;

/// <summary>
/// DesignateAgency, SuspendAgency, ProposeIssuer, ProposeIssuerSuspension and VoteOnProposal:
/// governance writes by issuing officers. The contract decides who may do what (own country's
/// agencies, voting eligibility); its refusals come back in Core's words.
/// </summary>
internal sealed class AuthorityWriteHandlers(LedgerAccess ledger, AuthorityDirectory directory)
{
    /// <summary>Adds an agency (customs, scientific authority, single window) of the caller's country.</summary>
    public Task<DesignateAgencyResponse> DesignateAgencyAsync(DesignateAgencyRequest request, CallerIdentity caller, CancellationToken ct)
    {
        var account = AuthorityDirectory.ParseAddress(request.Address, "address");
        if (request.Kind is not (AuthorityKind.Customs or AuthorityKind.ScientificAuthority or AuthorityKind.SingleWindow))
            throw new LedgerException(LedgerError.InvalidArgument("kind", "an agency is AUTHORITY_KIND_CUSTOMS, _SCIENTIFIC_AUTHORITY or _SINGLE_WINDOW"));
        var code = AuthorityCodeText.Encode(request.Code, "code");
        return RunAsync(caller, request.RequestId, request, account.ToChecksumHex(), DesignateAgencyResponse.Parser, r => r.Receipt,
            (registry, token) => registry.DesignateAsync(account, (ChainAuthorityKind)request.Kind.ToChainValue(), code, token),
            async (_, receipt, token) => new DesignateAgencyResponse { Receipt = receipt, Agency = await directory.GetAsync(account, token).ConfigureAwait(false) },
            ct);
    }

    /// <summary>Suspends or reinstates an agency of the caller's country.</summary>
    public Task<SuspendAgencyResponse> SuspendAgencyAsync(SuspendAgencyRequest request, CallerIdentity caller, CancellationToken ct)
    {
        var account = AuthorityDirectory.ParseAddress(request.Address, "address");
        var call = StatusCall(request.Change,
            (registry, token) => registry.SuspendAgencyAsync(account, token),
            (registry, token) => registry.ReinstateAgencyAsync(account, token));
        return RunAsync(caller, request.RequestId, request, account.ToChecksumHex(), SuspendAgencyResponse.Parser, r => r.Receipt,
            call,
            async (_, receipt, token) => new SuspendAgencyResponse { Receipt = receipt, Agency = await directory.GetAsync(account, token).ConfigureAwait(false) },
            ct);
    }

    /// <summary>Proposes admitting a new issuer; the caller's vote counts at once.</summary>
    public Task<ProposalResponse> ProposeIssuerAsync(ProposeIssuerRequest request, CallerIdentity caller, CancellationToken ct)
    {
        var account = AuthorityDirectory.ParseAddress(request.Address, "address");
        if (!CountryCode.TryParse(request.Country, out var country, out var countryError))
            throw new LedgerException(LedgerError.InvalidArgument("country", countryError));
        var code = AuthorityCodeText.Encode(request.Code, "code");
        var node = AuthorityDirectory.ParseAddress(request.Node, "node");
        return RunAsync(caller, request.RequestId, request, account.ToChecksumHex(), ProposalResponse.Parser, r => r.Receipt,
            async (registry, token) => (await registry.ProposeIssuerAsync(account, ChainValues.ToCountryBytes(country), code, node, token).ConfigureAwait(false)).Outcome,
            CreatedProposalAsync, ct);
    }

    /// <summary>Proposes suspending or reinstating an issuer.</summary>
    public Task<ProposalResponse> ProposeIssuerSuspensionAsync(ProposeIssuerSuspensionRequest request, CallerIdentity caller, CancellationToken ct)
    {
        var account = AuthorityDirectory.ParseAddress(request.Address, "address");
        var call = StatusCall(request.Change,
            async (registry, token) => (await registry.ProposeSuspensionAsync(account, token).ConfigureAwait(false)).Outcome,
            async (registry, token) => (await registry.ProposeReinstatementAsync(account, token).ConfigureAwait(false)).Outcome);
        return RunAsync(caller, request.RequestId, request, account.ToChecksumHex(), ProposalResponse.Parser, r => r.Receipt,
            call, CreatedProposalAsync, ct);
    }

    /// <summary>Votes for a proposal; the vote that completes the majority carries it out.</summary>
    public Task<ProposalResponse> VoteAsync(VoteOnProposalRequest request, CallerIdentity caller, CancellationToken ct)
    {
        if (request.ProposalId == 0)
            throw new LedgerException(LedgerError.InvalidArgument("proposal_id", "is required; proposals are numbered from 1"));
        return RunAsync(caller, request.RequestId, request, $"proposal {request.ProposalId}", ProposalResponse.Parser, r => r.Receipt,
            async (registry, token) => (await registry.VoteAsync(request.ProposalId, token).ConfigureAwait(false)).Outcome,
            async (_, receipt, token) => new ProposalResponse { Receipt = receipt, Proposal = await directory.GetProposalAsync(request.ProposalId, token).ConfigureAwait(false) },
            ct);
    }

    private static RegistryCall StatusCall(StatusChange change, RegistryCall suspend, RegistryCall reinstate) => change switch
    {
        StatusChange.Suspend => suspend,
        StatusChange.Reinstate => reinstate,
        _ => throw new LedgerException(LedgerError.InvalidArgument("change", "is required: STATUS_CHANGE_SUSPEND or STATUS_CHANGE_REINSTATE")),
    };

    private async Task<ProposalResponse> CreatedProposalAsync(ChainWriteResult result, WriteReceipt receipt, CancellationToken ct) => new()
    {
        Receipt = receipt,
        Proposal = await directory.GetProposalAsync(AuthorityDirectory.CreatedProposalId(result), ct).ConfigureAwait(false),
    };

    private Task<TResponse> RunAsync<TResponse>(
        CallerIdentity caller, string requestId, IMessage request, string subject,
        MessageParser<TResponse> parser, Func<TResponse, WriteReceipt?> receiptOf,
        RegistryCall call,
        Func<ChainWriteResult, WriteReceipt, CancellationToken, Task<TResponse>> respond,
        CancellationToken ct)
        where TResponse : class, IMessage<TResponse> =>
        ledger.Writes.RunAsync(caller, new WriteOperation<TResponse>
        {
            Action = request.Descriptor.Name.Replace("Request", "", StringComparison.Ordinal),
            RequestId = requestId,
            Request = request,
            Subject = subject,
            Parser = parser,
            ReceiptOf = receiptOf,
            Execute = async (sender, token) =>
            {
                var result = await ledger.Writer.SendAuthorityRegistryAsync(sender, registry => call(registry, token), token).ConfigureAwait(false);
                return await respond(result, ApiMapping.ToReceipt(result), token).ConfigureAwait(false);
            },
            Respond = (result, token) => respond(result, ApiMapping.ToReceipt(result), token),
        }, ct);

    /// <summary>One AuthorityRegistry write, made on the binding of the caller's key.</summary>
    private delegate Task<TransactionOutcome> RegistryCall(AuthorityRegistryContract registry, CancellationToken ct);
}
