using System.Security.Claims;

namespace Ledger.Console.Documents;

/// <summary>
/// The console's stand-in on a host that cannot fetch documents from other gateways (the gateway
/// registers its own source): it fetches nothing and says so, so the page shows why instead of
/// a document that was never checked.
/// </summary>
public sealed class DocumentExchangeNotAvailable : IIssuerDocumentSource
{
    /// <summary>What the officer reads instead of the document.</summary>
    public const string Message = "Fetching the document from the issuer is not available on this gateway yet. " +
        "Ask the issuing authority for the document and compare its SHA-256 with the anchored hash shown above.";

    /// <inheritdoc />
    public Task<FetchedDocument> FetchAsync(ClaimsPrincipal user, string permitId, CancellationToken ct) =>
        Task.FromResult(new FetchedDocument(false, ReadOnlyMemory<byte>.Empty, "", false, Message));
}
