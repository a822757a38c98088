using System.Security.Cryptography;
using Ledger.Gateway.Stores.Documents;

namespace Ledger.Gateway.Tests.Stores.Documents;

/// <summary>Random document keys for tests, with their base64 text kept to check it never leaks.</summary>
public sealed class TestDocumentKeys
{
    private readonly Dictionary<string, string> _encoded = new(StringComparer.Ordinal);

    /// <summary>The base64 text of the key with id <paramref name="keyId"/>, made on first use.</summary>
    public string Encoded(string keyId)
    {
        if (!_encoded.TryGetValue(keyId, out var encoded))
            _encoded[keyId] = encoded = Convert.ToBase64String(RandomNumberGenerator.GetBytes(DocumentKeyRing.KeyBytes));
        return encoded;
    }

    /// <summary>Every key made so far, as configuration would give them.</summary>
    public IEnumerable<string> AllEncoded => _encoded.Values;

    /// <summary>A ring holding the named keys, the first active.</summary>
    public DocumentKeyRing Ring(string activeKeyId, params string[] otherKeyIds)
    {
        var keys = new[] { activeKeyId }.Concat(otherKeyIds).ToDictionary(id => id, Encoded, StringComparer.Ordinal);
        return DocumentKeyRing.TryCreate(activeKeyId, keys, out var ring, out var problems)
            ? ring
            : throw new InvalidOperationException(string.Join(" ", problems));
    }

    /// <summary>A ring with a fresh random key under <paramref name="keyId"/>, unrelated to the one kept here.</summary>
    public static DocumentKeyRing Impostor(string keyId) =>
        DocumentKeyRing.TryCreate(keyId, new Dictionary<string, string> { [keyId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
            out var ring, out _) ? ring : throw new InvalidOperationException("impostor ring");
}
