using System.Security.Claims;

namespace Ledger.Console.Documents;

/// <summary>
/// The seam for "open the document fetched from the issuer": the permit document as the
/// issuing country's gateway serves it (EPIX GET FINAL), checked against the anchored hash.
/// The gateway implements it with its FetchPermitDocument; a host that registers none gets
/// <see cref="DocumentExchangeNotAvailable"/>.
/// </summary>
public interface IIssuerDocumentSource
{
    /// <summary>Fetches the document of <paramref name="permitId"/> for <paramref name="user"/>.</summary>
    Task<FetchedDocument> FetchAsync(ClaimsPrincipal user, string permitId, CancellationToken ct);
}

/// <summary>The outcome of fetching a permit's document from its issuer.</summary>
/// <param name="Available">False when no document could be fetched; <paramref name="Explanation"/> says why.</param>
/// <param name="Content">The document's bytes, exactly as the issuer served them (empty when not available).</param>
/// <param name="MediaType">Its media type, e.g. application/xml.</param>
/// <param name="MatchesLedger">True when SHA-256 of <paramref name="Content"/> equals the anchored document hash.</param>
/// <param name="Explanation">What the officer should know: why it is missing, or where it came from.</param>
public sealed record FetchedDocument(bool Available, ReadOnlyMemory<byte> Content, string MediaType, bool MatchesLedger, string Explanation);
