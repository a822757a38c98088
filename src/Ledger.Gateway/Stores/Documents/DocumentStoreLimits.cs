namespace Ledger.Gateway.Stores.Documents;

/// <summary>Fixed limits of the document store's API.</summary>
public static class DocumentStoreLimits
{
    /// <summary>Most permit keys one <see cref="IDocumentStore.ListByPermitsAsync"/> call accepts (one SQL statement).</summary>
    public const int MaxListedPermits = 500;

    /// <summary>Most documents one <see cref="IDocumentStore.ListNewestAsync"/> page holds.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Longest media type accepted ("type/subtype").</summary>
    public const int MaxMediaTypeLength = 127;
}
