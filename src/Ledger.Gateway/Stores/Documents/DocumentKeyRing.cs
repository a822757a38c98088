using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>
/// The AES-256 keys that seal documents, by key id, and the one new documents use. Each key
/// has a check value (an HMAC of a fixed label under the key, which reveals nothing about it)
/// stored beside every row, so a wrong key under a known id is told apart from tampering.
/// </summary>
public sealed partial class DocumentKeyRing
{
    /// <summary>Length of an AES-256 key.</summary>
    public const int KeyBytes = 32;

    /// <summary>Length of a key check value.</summary>
    public const int CheckBytes = 16;

    private static readonly byte[] CheckLabel = Encoding.ASCII.GetBytes("ledger/document-key-check/v1");

    private readonly Dictionary<string, byte[]> _keys;

    private DocumentKeyRing(string activeKeyId, Dictionary<string, byte[]> keys)
    {
        ActiveKeyId = activeKeyId;
        _keys = keys;
    }

    /// <summary>The key id new documents are sealed with.</summary>
    public string ActiveKeyId { get; }

    /// <summary>Builds the ring from configuration, or lists what is wrong (without key material).</summary>
    public static bool TryCreate(string? activeKeyId, IReadOnlyDictionary<string, string>? encodedKeys,
        [NotNullWhen(true)] out DocumentKeyRing? ring, out IReadOnlyList<string> problems)
    {
        ring = null;
        var found = new List<string>();
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var configuredIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, encoded) in encodedKeys ?? new Dictionary<string, string>())
        {
            configuredIds.Add(id);
            if (!KeyIdPattern().IsMatch(id))
                found.Add($"Documents:EncryptionKeys has a key id of {id.Length} characters that is not 1 to 32 of A-Z a-z 0-9 . _ - "
                    + "(not echoed: a key pasted in the wrong place would be).");
            else if (TryDecodeKey(encoded) is { } key)
                keys[id] = key;
            else
                found.Add($"Documents key '{id}' (EncryptionKeys:{id} or the file of KeyFiles:{id}) is not {KeyBytes} bytes in base64 (openssl rand -base64 {KeyBytes}).");
        }
        if (string.IsNullOrWhiteSpace(activeKeyId))
            found.Add("Documents:ActiveKeyId is empty: name the key new documents are encrypted with.");
        else if (!KeyIdPattern().IsMatch(activeKeyId))
            found.Add("Documents:ActiveKeyId is not a key id (1 to 32 of A-Z a-z 0-9 . _ -); not echoed, it may be a pasted key.");
        else if (!configuredIds.Contains(activeKeyId))
            found.Add($"Documents:ActiveKeyId '{activeKeyId}' is not among Documents:EncryptionKeys.");
        problems = found;
        if (found.Count > 0)
            return false;
        ring = new DocumentKeyRing(activeKeyId!, keys);
        return true;
    }

    /// <summary>Builds the ring from validated options.</summary>
    /// <exception cref="InvalidOperationException">The options name no usable keys (validation was skipped).</exception>
    public static DocumentKeyRing FromOptions(DocumentStoreOptions options) =>
        TryCreate(options, out var ring, out var problems) ? ring : throw new InvalidOperationException(string.Join(" ", problems));

    /// <summary>
    /// Builds the ring from the options' inline keys and key files, or lists what is wrong
    /// (without key material). With exactly one key and no active key id, that key is active.
    /// </summary>
    public static bool TryCreate(DocumentStoreOptions options, [NotNullWhen(true)] out DocumentKeyRing? ring, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fileProblems = new List<string>();
        var keys = DocumentKeyFiles.AllEncodedKeys(options, fileProblems);
        if (keys.Count == 0 && fileProblems.Count == 0)
        {
            ring = null;
            problems = [NoKeyProblem];
            return false;
        }
        var active = string.IsNullOrWhiteSpace(options.ActiveKeyId) && keys.Count == 1 ? keys.Keys.Single() : options.ActiveKeyId;
        var created = TryCreate(active, keys, out ring, out var keyProblems);
        problems = [.. fileProblems, .. keyProblems];
        if (fileProblems.Count == 0)
            return created;
        ring = null;
        return false;
    }

    /// <summary>What a store without any key is told: where to put one, or how to run without documents.</summary>
    public const string NoKeyProblem = "Documents: no encryption key is configured, so permit documents cannot be kept encrypted at rest. "
        + "Create one (openssl rand -base64 32 > documents.key; chmod 600 documents.key) and set Documents:KeyFiles:<key id> to that file, "
        + "or set Documents:Provider to None to anchor hashes only and keep no documents.";

    /// <summary>The key configured under <paramref name="keyId"/>, if any.</summary>
    internal bool TryGetKey(string keyId, [NotNullWhen(true)] out byte[]? key) => _keys.TryGetValue(keyId, out key);

    /// <summary>The check value of a key: HMAC-SHA256(key, label), first <see cref="CheckBytes"/> bytes.</summary>
    internal static byte[] CheckValue(byte[] key) => HMACSHA256.HashData(key, CheckLabel)[..CheckBytes];

    private static byte[]? TryDecodeKey(string? encoded)
    {
        var buffer = new byte[KeyBytes + 3];
        return Convert.TryFromBase64String((encoded ?? "").Trim(), buffer, out var written) && written == KeyBytes
            ? buffer[..KeyBytes]
            : null;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}$")]
    private static partial Regex KeyIdPattern();
}
