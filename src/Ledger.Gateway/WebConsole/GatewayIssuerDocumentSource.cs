using System.Security.Claims;
using Ledger.Api.V1;
using Ledger.Console.Documents;
using Ledger.Gateway.Application;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.WebConsole;

/// <summary>
/// The console's "open the document fetched from the issuer": the same FetchPermitDocument the
/// API serves (the issuer's gateway found in the on-chain directory, its certificate pinned, the
/// bytes checked against the anchored hash), so a page never shows a document the API would not.
/// </summary>
internal sealed class GatewayIssuerDocumentSource(DocumentsFetchHandler fetch) : IIssuerDocumentSource
{
    /// <inheritdoc />
    public async Task<FetchedDocument> FetchAsync(ClaimsPrincipal user, string permitId, CancellationToken ct)
    {
        var answer = await fetch.HandleAsync(new FetchPermitDocumentRequest { PermitId = permitId }, user.GetCaller(), ct).ConfigureAwait(false);
        if (answer.Availability != DocumentAvailability.Available)
            return new FetchedDocument(false, ReadOnlyMemory<byte>.Empty, "", false,
                $"The issuer's gateway has no document to give: {answer.NotAvailableReason}");
        var explanation = answer.MatchesLedger
            ? $"Served by the issuer's gateway at {answer.IssuerGatewayUrl}; its SHA-256 {answer.ReceivedHash} is the anchored one."
            : $"WARNING: the issuer's gateway at {answer.IssuerGatewayUrl} served a document whose SHA-256 {answer.ReceivedHash} "
              + $"is not the anchored {answer.AnchoredHash}. Do not rely on it; tell the issuing authority.";
        return new FetchedDocument(true, answer.Document.Memory, answer.MediaType, answer.MatchesLedger, explanation);
    }
}
