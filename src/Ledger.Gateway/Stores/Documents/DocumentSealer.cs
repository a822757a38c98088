using System.Security.Cryptography;
using System.Text;
using Ledger.Core.Documents;
using Ledger.Core.Permits;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>
/// Encrypts documents with AES-256-GCM under the active key and opens them with the key id
/// stored beside them. The permit key, the document hash and the key id are associated
/// data: a row moved to another permit, or given another hash, fails authentication.
/// </summary>
public sealed class DocumentSealer(DocumentKeyRing keys)
{
    /// <summary>GCM nonce length (the standard 96 bits).</summary>
    public const int NonceBytes = 12;

    /// <summary>GCM tag length (the full 128 bits).</summary>
    public const int TagBytes = 16;

    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("ledger/document/v1");

    /// <summary>Seals <paramref name="content"/> under the active key with a fresh random nonce.</summary>
    public SealedDocument Seal(PermitKey permitKey, DocumentHash hash, ReadOnlySpan<byte> content)
    {
        var keyId = keys.ActiveKeyId;
        if (!keys.TryGetKey(keyId, out var key))
            throw new InvalidOperationException("The active document key is missing from the key ring.");
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var sealedBytes = new byte[content.Length + TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, content, sealedBytes.AsSpan(0, content.Length), sealedBytes.AsSpan(content.Length),
            AssociatedData(permitKey, hash, keyId));
        return new SealedDocument(keyId, DocumentKeyRing.CheckValue(key), nonce, sealedBytes);
    }

    /// <summary>Opens a sealed document and checks it against its hash and length.</summary>
    /// <exception cref="DocumentKeyException">The key id is not configured, or its key is not the one that sealed the row.</exception>
    /// <exception cref="DocumentIntegrityException">The row was altered.</exception>
    public byte[] Open(PermitKey permitKey, DocumentHash hash, long sizeBytes, SealedDocument sealedDocument)
    {
        ArgumentNullException.ThrowIfNull(sealedDocument);
        if (!keys.TryGetKey(sealedDocument.KeyId, out var key))
        {
            throw new DocumentKeyException($"The document of permit {permitKey} was encrypted with key id '{sealedDocument.KeyId}', "
                + "which is not configured: add it back to Documents:EncryptionKeys (keep old keys after a rotation).");
        }
        if (!CryptographicOperations.FixedTimeEquals(DocumentKeyRing.CheckValue(key), sealedDocument.KeyCheck))
        {
            throw new DocumentKeyException($"The key configured as '{sealedDocument.KeyId}' is not the key that encrypted the document "
                + $"of permit {permitKey}: restore the original key under that id.");
        }
        var ciphertext = sealedDocument.Ciphertext;
        if (sealedDocument.Nonce.Length != NonceBytes || ciphertext.Length < TagBytes || ciphertext.Length - TagBytes != sizeBytes)
            throw new DocumentIntegrityException(permitKey, "nonce or ciphertext length does not match the recorded size");
        var content = new byte[ciphertext.Length - TagBytes];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedDocument.Nonce, ciphertext.AsSpan(0, content.Length), ciphertext.AsSpan(content.Length), content,
                AssociatedData(permitKey, hash, sealedDocument.KeyId));
        }
        catch (AuthenticationTagMismatchException error)
        {
            throw new DocumentIntegrityException(permitKey, "authentication tag mismatch", error);
        }
        // The tag already covers the hash as associated data; recomputing it checks the bytes
        // against the anchored value itself, independent of how the row was sealed.
        if (DocumentHash.Compute(content) != hash)
            throw new DocumentIntegrityException(permitKey, $"content does not hash to the recorded SHA-256 {hash}");
        return content;
    }

    private static byte[] AssociatedData(PermitKey permitKey, DocumentHash hash, string keyId)
    {
        var keyIdBytes = Encoding.ASCII.GetBytes(keyId);
        var data = new byte[Domain.Length + 64 + keyIdBytes.Length];
        Domain.CopyTo(data, 0);
        permitKey.Value.CopyTo(data.AsSpan(Domain.Length));
        hash.Value.CopyTo(data.AsSpan(Domain.Length + 32));
        keyIdBytes.CopyTo(data, Domain.Length + 64);
        return data;
    }
}
