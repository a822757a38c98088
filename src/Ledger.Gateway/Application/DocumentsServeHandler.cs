using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Core.Countries;
using Ledger.Core.Documents;
using Ledger.Core.Errors;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Observability;
using Ledger.Gateway.Peers;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Stores.Documents;

namespace Ledger.Gateway.Application;

/// <summary>
/// The issuer side of the document exchange (PeerDocumentService.GetPermitDocument): another
/// gateway asks for a permit's document on behalf of an authority. The client certificate of
/// the connection must be the one that authority published on chain; the authority's country
/// must be the permit's issuing or destination country. Then the document comes from the store,
/// unless the permit is not final yet (EPIX GET NON FINAL): not yet valid on chain, or held as
/// a draft, answered NOT_AVAILABLE with the reason. Every answer and refusal is audited.
/// </summary>
internal sealed class DocumentsServeHandler(
    LedgerAccess ledger,
    IServiceProvider services,
    DocumentExchangeAudit audit,
    DocumentExchangeMetrics metrics)
{
    private readonly IDocumentStore? _store = services.GetService<IDocumentStore>();

    /// <summary>Answers the request arriving with <paramref name="clientCertificate"/>.</summary>
    public async Task<GetPermitDocumentResponse> HandleAsync(GetPermitDocumentRequest request, X509Certificate2? clientCertificate, CancellationToken ct)
    {
        // Only parsed values reach the audit log: raw request text could forge or flood its lines.
        var claimed = "-";
        var subject = "-";
        try
        {
            var id = ApiMapping.ParsePermitId(request.PermitId, "permit_id");
            subject = id.Normalised;
            var authority = AuthorityDirectory.ParseAddress(request.CallingAuthority, "calling_authority");
            claimed = authority.ToChecksumHex();
            await CheckPinnedAsync(authority, clientCertificate, ct).ConfigureAwait(false);
            var country = await ActiveCountryAsync(authority, ct).ConfigureAwait(false);
            var response = await AnswerAsync(id, country, ct).ConfigureAwait(false);
            if (response.Availability == DocumentAvailability.Available)
            {
                audit.Served(claimed, subject, DocumentHash.Compute(response.Document.Span).ToString(), response.Document.Length);
                metrics.RecordServed(AuditOutcome.Succeeded);
            }
            else
            {
                audit.NotAvailable(claimed, subject, response.NotAvailableReason);
                metrics.RecordServed(DocumentExchangeMetrics.NotAvailable);
            }
            return response;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var (code, reason) = StatusOf(e);
            audit.Refused(claimed, subject, code, reason);
            metrics.RecordServed(AuditOutcome.Of(code));
            throw;
        }
    }

    private async Task CheckPinnedAsync(Address authority, X509Certificate2? clientCertificate, CancellationToken ct)
    {
        var (_, published) = await ledger.Reader.Chain.AuthorityRegistry.GatewayOfAsync(authority, cancellationToken: ct).ConfigureAwait(false);
        if (PeerPinning.CheckClient(clientCertificate, authority, published) is { } refusal)
            throw new LedgerException(refusal);
    }

    private async Task<CountryCode> ActiveCountryAsync(Address authority, CancellationToken ct)
    {
        var profile = await ledger.Reader.ProfileAsync(authority, ct).ConfigureAwait(false);
        if (!profile.Exists || ChainValues.ToCountry(profile.Country) is not { } country)
            throw new LedgerException(Messages.UnknownAuthority(authority.ToChecksumHex()));
        var status = (Ledger.Core.Authorities.AuthorityStatus)profile.Status;
        if (status != Ledger.Core.Authorities.AuthorityStatus.Active)
            throw new LedgerException(Messages.AuthorityNotActive(authority.ToChecksumHex(), status));
        return country;
    }

    private async Task<GetPermitDocumentResponse> AnswerAsync(PermitId id, CountryCode caller, CancellationToken ct)
    {
        var snapshot = await ledger.Reader.ReadPermitAsync(id.Key, ct).ConfigureAwait(false);
        var permit = snapshot.Permit;
        if (!permit.Exists)
            return await DraftOrUnknownAsync(id, caller, ct).ConfigureAwait(false);
        if (DocumentAccessRule.Check(id, caller, permit.IssuerCountry ?? id.Country, permit.Destination) is { } refusal)
            throw new LedgerException(refusal);
        var validFrom = DateTimeOffset.FromUnixTimeSeconds((long)permit.ValidFrom);
        if (validFrom > ledger.Time.GetUtcNow())
            return NotAvailable("valid from " + validFrom.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + " (registered, not yet valid)");
        var stored = await ReadStoredAsync(id.Key, ct).ConfigureAwait(false);
        return stored is null
            ? NotAvailable("the issuer's gateway keeps no document for this permit")
            : new GetPermitDocumentResponse
            {
                Availability = DocumentAvailability.Available,
                Document = ByteString.CopyFrom(stored.Content.Span),
                MediaType = stored.Metadata.MediaType,
            };
    }

    private async Task<GetPermitDocumentResponse> DraftOrUnknownAsync(PermitId id, CountryCode caller, CancellationToken ct)
    {
        var draft = await FindDraftAsync(id.Key, ct).ConfigureAwait(false);
        if (draft is null)
            return NotAvailable("not on the ledger: the issuer has registered no permit with this number");
        // A draft's destination is only in its document: authorise by what the document says.
        PermitDocumentReader.TryRead(draft.Content, out var summary, out _);
        if (DocumentAccessRule.Check(id, caller, id.Country, summary?.Destination) is { } refusal)
            throw new LedgerException(refusal);
        return NotAvailable("held as a draft by the issuer; not yet registered on the ledger");
    }

    /// <summary>The document the issuer holds as a draft for <paramref name="key"/> (known here, never sent for registration), or null.</summary>
    private async Task<StoredDocument?> FindDraftAsync(PermitKey key, CancellationToken ct)
    {
        if (_store is null)
            return null;
        try
        {
            if (await _store.FindByPermitAsync(key, ct).ConfigureAwait(false) is not { IsDraft: true })
                return null;
        }
        catch (StoreUnavailableException)
        {
            throw new LedgerException(LedgerError.Unavailable("the issuer's document store cannot be reached; retry later"));
        }
        return await ReadStoredAsync(key, ct).ConfigureAwait(false);
    }

    private async Task<StoredDocument?> ReadStoredAsync(PermitKey key, CancellationToken ct)
    {
        try
        {
            return await Store().GetAsync(key, ct).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            throw new LedgerException(LedgerError.Unavailable("the issuer's document store cannot be reached; retry later"));
        }
        catch (Exception e) when (e is DocumentIntegrityException or DocumentKeyException)
        {
            // Never served as good; the details (which key, which row) stay in the issuer's own log.
            throw new RpcException(new Status(StatusCode.DataLoss,
                "the issuer's stored copy of this document failed its integrity check; the issuer's operator must restore it"), e.Message);
        }
    }

    private IDocumentStore Store() => _store ?? throw new LedgerException(LedgerError.FailedPrecondition(
        "the issuer's gateway keeps no documents (no Documents:Provider configured); ask its operator"));

    private static GetPermitDocumentResponse NotAvailable(string reason) =>
        new() { Availability = DocumentAvailability.NotAvailable, NotAvailableReason = reason };

    /// <summary>The status and reason the calling gateway receives for <paramref name="e"/> (as the error interceptor maps it).</summary>
    private static (StatusCode Code, string Reason) StatusOf(Exception e) => e switch
    {
        LedgerException ledger => (Services.LedgerErrorInterceptor.StatusCodeOf(ledger.Kind), ledger.Error.Message),
        RpcException rpc => (rpc.StatusCode, rpc.Status.Detail),
        _ => (StatusCode.Unavailable, "the ledger could not be read: " + e.GetType().Name),
    };
}
