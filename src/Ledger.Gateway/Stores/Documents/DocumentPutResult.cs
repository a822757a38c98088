namespace Ledger.Gateway.Stores.Documents;

/// <summary>The outcome of <see cref="IDocumentStore.PutAsync"/>.</summary>
/// <param name="Metadata">The stored document's metadata (the first put's, for a repeat).</param>
/// <param name="Created">True when this call stored it; false when the same bytes were already there.</param>
public sealed record DocumentPutResult(DocumentMetadata Metadata, bool Created);
