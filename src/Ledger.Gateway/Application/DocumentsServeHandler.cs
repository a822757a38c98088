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
/// the connection must be the one that authority published on chain. The document is served
/// only when the permit's on-chain issuer is one of this gateway's own accounts (the contract
/// does not bind a number's country to its issuer, so a copy kept here under the same key may
/// belong to nobody's registration here), the calling authority's country is the permit's
/// issuing or destination country, the copy kept here is not a draft, and its hash is the
/// anchored one. An entitled caller learns that a permit is not final yet (EPIX GET NON FINAL:
/// registered but not yet valid, or held here as a draft) as NOT_AVAILABLE with the reason.
/// Everything else, a caller not entitled included, is answered the one same NOT_AVAILABLE
/// (<see cref="NothingToServe"/>), so that no gateway can learn which numbers are held as
/// drafts, or for whom; the real reason goes to this gateway's audit line. Every answer and
/// refusal is audited.
/// </summary>
internal sealed class DocumentsServeHandler(
    LedgerAccess ledger,
    IServiceProvider services,
    DocumentExchangeAudit audit,
    DocumentExchangeMetrics metrics)
{
    /// <summary>The reason answered for every document not served, whatever the reason (see the summary).</summary>
    internal const string NothingToServe =
        "the issuer's gateway has no document of this permit to serve to your authority";

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
            var answer = await AnswerAsync(id, country, ct).ConfigureAwait(false);
            if (answer.ServedHash is { } hash)
                audit.Served(claimed, subject, hash.ToString(), answer.Response.Document.Length);
            else if (answer.Outcome == AuditOutcome.Refused)
                audit.RefusedAsNothing(claimed, subject, answer.AuditReason);
            else
                audit.NotAvailable(claimed, subject, answer.AuditReason);
            metrics.RecordServed(answer.Outcome);
            return answer.Response;
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

    private async Task<Answer> AnswerAsync(PermitId id, CountryCode caller, CancellationToken ct)
    {
        var snapshot = await ledger.Reader.ReadPermitAsync(id.Key, ct).ConfigureAwait(false);
        var permit = snapshot.Permit;
        if (!permit.Exists)
            return await DraftOrUnknownAsync(id, caller, ct).ConfigureAwait(false);
        // Judged before anything else: what another gateway's issuer registered is not ours to describe either.
        if (!ledger.Keys.Accounts.Contains(permit.Issuer))
            return Withheld($"registered on chain by {permit.Issuer.ToChecksumHex()}, which is not an account of this gateway");
        // Ours, but under another country's number (registered straight to the contract): not a genuine permit.
        if (permit.IssuerCountry != id.Country)
            return Withheld($"registered by an authority of {permit.IssuerCountry?.ToString() ?? "no country"} under a number of {id.Country}: not a genuine permit");
        if (DocumentAccessRule.RefusalReason(id, caller, id.Country, permit.Destination) is { } refusal)
            return Refused(refusal);
        var validFrom = DateTimeOffset.FromUnixTimeSeconds((long)permit.ValidFrom);
        if (validFrom > ledger.Time.GetUtcNow())
            return NotFinal("valid from " + validFrom.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + " (registered, not yet valid)");
        var stored = await ReadStoredAsync(id.Key, ct).ConfigureAwait(false);
        if (stored is null)
            return Withheld("no document of it is kept here");
        // A draft kept under a key that one of our accounts then registered with other content (e.g. straight to the contract) is not what was registered.
        if (stored.Metadata.IsDraft)
            return Withheld("the copy kept here is a draft, never sent for registration");
        var hash = DocumentHash.Compute(stored.Content.Span);
        if (hash != permit.DocumentHash)
            return Withheld($"the copy kept here hashes to {hash}, the ledger anchors {permit.DocumentHash}");
        var response = new GetPermitDocumentResponse
        {
            Availability = DocumentAvailability.Available,
            Document = ByteString.CopyFrom(stored.Content.Span),
            MediaType = stored.Metadata.MediaType,
        };
        return new Answer(response, "served", AuditOutcome.Succeeded, hash);
    }

    private async Task<Answer> DraftOrUnknownAsync(PermitId id, CountryCode caller, CancellationToken ct)
    {
        StoredDocument? draft;
        try
        {
            draft = await FindDraftAsync(id.Key, ct).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.DataLoss)
        {
            // Nothing of a draft is ever served, and its damage told to the caller would tell it exists.
            return Withheld("held as a draft, whose stored copy failed its integrity check: " + e.Status.Detail);
        }
        if (draft is null)
            return Withheld("not on the ledger, and no draft of it is held here");
        // A draft's destination is only in its document: authorise by what the document says.
        PermitDocumentReader.TryRead(draft.Content, out var summary, out _);
        if (DocumentAccessRule.RefusalReason(id, caller, id.Country, summary?.Destination) is { } refusal)
            return Refused("held as a draft; " + refusal);
        return NotFinal("held as a draft by the issuer; not yet registered on the ledger");
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

    /// <summary>EPIX GET NON FINAL, told to an entitled caller as it is.</summary>
    private static Answer NotFinal(string reason) =>
        new(NotAvailable(reason), reason, DocumentExchangeMetrics.NotAvailable, ServedHash: null);

    /// <summary>Nothing to serve; <paramref name="why"/> goes to the audit line only.</summary>
    private static Answer Withheld(string why) =>
        new(NotAvailable(NothingToServe), "answered as nothing to serve: " + why, DocumentExchangeMetrics.NotAvailable, ServedHash: null);

    /// <summary>A caller not entitled: answered as if there were nothing, counted and audited (a warning) as the refusal it is.</summary>
    private static Answer Refused(string why) =>
        new(NotAvailable(NothingToServe), why, AuditOutcome.Refused, ServedHash: null);

    private static GetPermitDocumentResponse NotAvailable(string reason) =>
        new() { Availability = DocumentAvailability.NotAvailable, NotAvailableReason = reason };

    /// <summary>The status and reason the calling gateway receives for <paramref name="e"/> (as the error interceptor maps it).</summary>
    private static (StatusCode Code, string Reason) StatusOf(Exception e) => e switch
    {
        LedgerException ledger => (Services.LedgerErrorInterceptor.StatusCodeOf(ledger.Kind), ledger.Error.Message),
        RpcException rpc => (rpc.StatusCode, rpc.Status.Detail),
        _ => (StatusCode.Unavailable, "the ledger could not be read: " + e.GetType().Name),
    };

    /// <summary>What the caller is answered, what this gateway's audit line says of it, its metric outcome, and the hash of a document served.</summary>
    private sealed record Answer(GetPermitDocumentResponse Response, string AuditReason, string Outcome, DocumentHash? ServedHash);
}
