namespace Ledger.Gateway.Stores.Documents;

/// <summary>A document read back from the store, its bytes already checked against <see cref="DocumentMetadata.DocumentHash"/>.</summary>
/// <param name="Metadata">What is stored about it.</param>
/// <param name="Content">The document's bytes, exactly as stored.</param>
public sealed record StoredDocument(DocumentMetadata Metadata, ReadOnlyMemory<byte> Content);
