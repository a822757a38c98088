using Ledger.Api.V1;
using Ledger.Core.Documents;
using Ledger.Core.Errors;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using Ledger.Gateway.Identity;
using Ledger.Gateway.Peers;

namespace Ledger.Gateway.Application;

/// <summary>
/// FetchPermitDocument, the calling side of the document exchange (EPIX GET FINAL): the ledger
/// says who issued the permit and what hash it anchored; the on-chain directory says where the
/// issuer's gateway is and which certificate it has; that gateway is asked for the document on
/// behalf of the caller's authority; what comes back is hashed and compared with the anchor.
/// A document that does not match is answered with matches_ledger = false, logged, audited and
/// counted, never presented as good. A published gateway that gives no answer (host not allowed
/// here, unreachable, another certificate) is one same UNAVAILABLE to the officer, whatever the
/// cause, which goes to the audit log and metrics only.
/// </summary>
internal sealed partial class DocumentsFetchHandler(
    VerifyPermitHandler verify,
    AuthorityDirectory authorities,
    LedgerAccess ledger,
    IServiceProvider services,
    DocumentExchangeAudit audit,
    DocumentExchangeMetrics metrics,
    ILogger<DocumentsFetchHandler> logger)
{
    private readonly PeerDocumentClient? _peers = services.GetService<PeerDocumentClient>();

    /// <summary>Fetches and checks the document of the requested permit for <paramref name="caller"/>.</summary>
    public async Task<FetchPermitDocumentResponse> HandleAsync(FetchPermitDocumentRequest request, CallerIdentity caller, CancellationToken ct)
    {
        var id = ApiMapping.ParsePermitId(request.PermitId, "permit_id");
        var peers = _peers ?? throw new LedgerException(LedgerError.FailedPrecondition(
            "this gateway has no peer certificate (Peers:CertificateFile), so it cannot fetch documents from other gateways; ask its operator"));
        var verification = await verify.HandleAsync(new VerifyPermitRequest { PermitId = id.Normalised }, ct).ConfigureAwait(false);
        var response = new FetchPermitDocumentResponse
        {
            PermitId = id.Normalised,
            Verification = verification,
            AnchoredHash = verification.DocumentHash,
        };
        // Another country's authority registered the number: whatever its gateway holds is not the permit's document.
        if (verification.Reason == VerificationReason.IssuerNotOfPermitCountry)
            return NotAvailable(response, verification.StatusText);
        var issuer = verification.Issuer is { Address.Length: > 0 } anchored
            ? Address.Parse(anchored.Address)
            : await IssuerOfCountryAsync(id, ct).ConfigureAwait(false);
        if (issuer is not { } issuerAccount)
            return NotAvailable(response, $"not on the ledger, and {id.Country.Value} has no active issuing authority to ask");

        var (url, fingerprint) = await ledger.Reader.Chain.AuthorityRegistry.GatewayOfAsync(issuerAccount, cancellationToken: ct).ConfigureAwait(false);
        if (url.Length == 0 || fingerprint.IsZero || !Uri.TryCreate(url, UriKind.Absolute, out var gateway) || gateway.Scheme != Uri.UriSchemeHttps)
        {
            throw new LedgerException(LedgerError.FailedPrecondition(
                $"the issuer {issuerAccount.ToChecksumHex()} has published no usable gateway on chain ('{url}'); "
                + "its documents can be fetched once its issuer publishes its peer endpoint (publishGateway)"));
        }
        response.IssuerGatewayUrl = url;
        GetPermitDocumentResponse answer;
        try
        {
            answer = await peers.GetAsync(gateway, fingerprint,
                new GetPermitDocumentRequest { PermitId = id.Normalised, CallingAuthority = caller.AuthorityAddress }, ct).ConfigureAwait(false);
        }
        catch (PeerLinkException e)
        {
            audit.LinkFailed(caller.OfficialIdentity, caller.AuthorityAddress, id.Normalised, e.Url, e.Cause, e.Message);
            metrics.RecordLinkFailed(e.Cause);
            throw new LedgerException(PeerLinkException.OfficerAnswer);
        }
        if (answer.Availability != DocumentAvailability.Available)
            return NotAvailable(response, answer.NotAvailableReason.Length > 0 ? answer.NotAvailableReason : "the issuer's gateway serves no document");

        var received = DocumentHash.Compute(answer.Document.Span).ToString();
        response.Availability = DocumentAvailability.Available;
        response.Document = answer.Document;
        response.MediaType = answer.MediaType;
        response.ReceivedHash = received;
        response.MatchesLedger = verification.DocumentHash.Length > 0
            && string.Equals(received, verification.DocumentHash, StringComparison.OrdinalIgnoreCase);
        if (response.MatchesLedger)
        {
            metrics.RecordFetched(DocumentExchangeMetrics.Matched);
            return response;
        }
        LogMismatch(id.Normalised, url, verification.DocumentHash, received);
        audit.Mismatch(caller.OfficialIdentity, caller.AuthorityAddress, id.Normalised, url, verification.DocumentHash, received);
        metrics.RecordFetched(DocumentExchangeMetrics.Mismatched);
        return response;
    }

    private FetchPermitDocumentResponse NotAvailable(FetchPermitDocumentResponse response, string reason)
    {
        response.Availability = DocumentAvailability.NotAvailable;
        response.NotAvailableReason = reason;
        metrics.RecordFetched(DocumentExchangeMetrics.NotAvailable);
        return response;
    }

    /// <summary>For a permit not on chain (perhaps a draft): the active issuing authority of the country in its number.</summary>
    private async Task<Address?> IssuerOfCountryAsync(PermitId id, CancellationToken ct)
    {
        foreach (var account in await authorities.AccountsAsync(ct).ConfigureAwait(false))
        {
            var authority = await authorities.FindAsync(account, ct).ConfigureAwait(false);
            if (authority is { Kind: AuthorityKind.Issuer, Status: AuthorityStatus.Active } && authority.Country == id.Country.Value)
                return account;
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The document of {PermitId} from the issuer's gateway {IssuerGateway} DOES NOT MATCH THE LEDGER: anchored {AnchoredHash}, received {ReceivedHash}; answered with matches_ledger = false")]
    private partial void LogMismatch(string permitId, string issuerGateway, string anchoredHash, string receivedHash);
}
