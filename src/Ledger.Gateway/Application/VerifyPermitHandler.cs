using Google.Protobuf;
using Ledger.Api.V1;
using Ledger.Core.Documents;
using Ledger.Core.Errors;
using Ledger.Core.Permits;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Follower;
using Ledger.Gateway.Stores;
using CoreVerification = Ledger.Core.Verification.PermitVerification;

namespace Ledger.Gateway.Application;

/// <summary>
/// VerifyPermit: anyone with an identity asks what the ledger says about a permit ID. Answers
/// come from the verification cache when fresh, otherwise from the chain (verify view and the
/// issuer's status at one block; concurrent misses share node calls through the
/// <see cref="PermitReadCoalescer"/>) judged by Core. A permit never registered is a result
/// (NOT_AVAILABLE / UNKNOWN), not NOT_FOUND. If the cache is down, the chain answers.
/// </summary>
internal sealed partial class VerifyPermitHandler(
    LedgerAccess ledger, PermitReadCoalescer permitReads, IVerificationCache cache, AuthorityStatusChanges statusChanges, ILogger<VerifyPermitHandler> logger)
{
    /// <summary>Longest a verification is served from the cache; writes through this gateway and the follower invalidate sooner.</summary>
    public static readonly TimeSpan MaxCacheAge = TimeSpan.FromSeconds(30);

    private readonly PermitIdMemo _ids = new();

    /// <summary>
    /// Verifies, comparing a presented document or hash with the anchored one. The answer may be the
    /// cached one every hit of the permit shares: callers treat it as read-only (a per-caller verdict
    /// goes on a copy, as the document comparison below does).
    /// </summary>
    public async Task<VerifyPermitResponse> HandleAsync(VerifyPermitRequest request, CancellationToken ct)
    {
        var id = _ids.Parse(request.PermitId, "permit_id");
        var presented = PresentedHash(request);
        var response = await CachedAsync(id, ct).ConfigureAwait(false) ?? await FromChainAsync(id, ct).ConfigureAwait(false);
        if (presented is { } hash)
        {
            // A cached answer is shared by every hit: the caller's own verdict goes on a copy.
            response = response.Clone();
            response.DocumentMatches = response.DocumentHash.Length > 0 && response.DocumentHash == hash.ToString();
        }
        return response;
    }

    private static DocumentHash? PresentedHash(VerifyPermitRequest request)
    {
        switch (request.PresentedCase)
        {
            case VerifyPermitRequest.PresentedOneofCase.Document:
                return DocumentHash.TryCompute(request.Document.Span, out var computed, out var sizeError)
                    ? computed
                    : throw new LedgerException(LedgerError.InvalidArgument("document", sizeError));
            case VerifyPermitRequest.PresentedOneofCase.DocumentHash:
                return DocumentHash.TryParse(request.DocumentHash, out var parsed, out var hashError)
                    ? parsed
                    : throw new LedgerException(LedgerError.InvalidArgument("document_hash", hashError));
            default:
                return null;
        }
    }

    private async Task<VerifyPermitResponse?> CachedAsync(PermitId id, CancellationToken ct)
    {
        try
        {
            // Parsed once per value a cache holds in this process (near or in-memory: a hot permit once, not at every hit), else at each read.
            var cached = await cache.GetDecodedAsync(id.Key.ToString(), CachedAnswer.Parse, ct).ConfigureAwait(false);
            if (cached is null)
                return null;
            var issuerChanged = cached.Issuer is { } issuer && statusChanges.ChangedAfter(issuer, cached.Response.AsOfBlock);
            return issuerChanged ? null : cached.Response;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCacheUnavailable(e.Message);
            return null;
        }
    }

    private async Task<VerifyPermitResponse> FromChainAsync(PermitId id, CancellationToken ct)
    {
        var snapshot = await permitReads.ReadAsync(id.Key, ct).ConfigureAwait(false);
        var now = ledger.Time.GetUtcNow();
        var anchored = snapshot.Permit.ToAnchored(snapshot.IssuerStatus);
        var verification = CoreVerification.Evaluate(id, anchored, now);
        var response = VerificationResponse.Build(id, snapshot, verification);
        await StoreAsync(id, response, anchored?.Validity, now, ct).ConfigureAwait(false);
        return response;
    }

    /// <remarks>
    /// The answer goes with the block it was read at: if the permit changed after that block and
    /// the invalidation got to the cache first, the cache refuses it instead of serving it stale.
    /// </remarks>
    private async Task StoreAsync(PermitId id, VerifyPermitResponse response, ValidityWindow? validity, DateTimeOffset now, CancellationToken ct)
    {
        // The answer changes by itself when the validity window opens or closes: never cache across that.
        var ttl = MaxCacheAge;
        foreach (var boundary in new[] { validity?.From, validity?.Until })
        {
            if (boundary is { } at && at > now && at - now < ttl)
                ttl = at - now;
        }
        if (ttl < TimeSpan.FromSeconds(1))
            return;
        try
        {
            await cache.SetAsync(id.Key.ToString(), response.ToByteArray(), response.AsOfBlock, ttl, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCacheUnavailable(e.Message);
        }
    }

    /// <summary>A cached answer parsed, shared by every hit (never changed: see <see cref="HandleAsync"/>), and its issuer.</summary>
    private sealed record CachedAnswer(VerifyPermitResponse Response, Ledger.Core.Primitives.Address? Issuer)
    {
        public static CachedAnswer Parse(byte[] bytes)
        {
            var response = VerifyPermitResponse.Parser.ParseFrom(bytes);
            return new CachedAnswer(response,
                response.Issuer is { Address.Length: > 0 } issuer ? Ledger.Core.Primitives.Address.Parse(issuer.Address) : null);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Verification cache not used: {Reason}")]
    private partial void LogCacheUnavailable(string reason);
}
