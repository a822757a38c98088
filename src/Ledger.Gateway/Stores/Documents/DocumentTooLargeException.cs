namespace Ledger.Gateway.Stores.Documents;

/// <summary>A document is empty or larger than <see cref="DocumentStoreOptions.MaxDocumentBytes"/>; nothing was stored.</summary>
public sealed class DocumentTooLargeException : ArgumentException
{
    /// <summary>Creates the exception with the size and the bound.</summary>
    public DocumentTooLargeException(long sizeBytes, int maxBytes)
        : base(sizeBytes == 0
            ? "The document is empty; store the permit document's bytes."
            : $"The document has {sizeBytes} bytes; this store accepts at most {maxBytes}.")
    {
        SizeBytes = sizeBytes;
        MaxBytes = maxBytes;
    }

    /// <summary>The refused document's size.</summary>
    public long SizeBytes { get; }

    /// <summary>The configured bound.</summary>
    public int MaxBytes { get; }
}
