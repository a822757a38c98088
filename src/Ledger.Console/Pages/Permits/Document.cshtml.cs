using System.Text;
using Ledger.Console.Backend;
using Ledger.Console.Documents;

namespace Ledger.Console.Pages.Permits;

/// <summary>The permit document as its issuer serves it, with whether it matches the anchored hash (through <see cref="IIssuerDocumentSource"/>).</summary>
public sealed class DocumentModel(ILedgerConsoleBackend backend, IIssuerDocumentSource documents) : ConsolePage(backend)
{
    /// <summary>The permit number.</summary>
    public string Id { get; private set; } = "";

    /// <summary>What the issuer's gateway answered.</summary>
    public FetchedDocument? Fetched { get; private set; }

    /// <summary>The document as text (XML and JSON documents), for reading on screen.</summary>
    public string Text => Fetched is { Available: true } fetched ? Encoding.UTF8.GetString(fetched.Content.Span) : "";

    /// <summary>Fetches the document of <paramref name="id"/>.</summary>
    public async Task OnGetAsync(string? id)
    {
        Id = id?.Trim() ?? "";
        if (Id.Length > 0)
            Fetched = await AttemptAsync(ct => documents.FetchAsync(User, Id, ct));
    }
}
