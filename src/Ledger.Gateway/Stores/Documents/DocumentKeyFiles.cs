namespace Ledger.Gateway.Stores.Documents;

/// <summary>
/// Reads the document keys configured as files (<c>Documents:KeyFiles</c>): each file holds one
/// key in base64, as <c>openssl rand -base64 32</c> prints it. A file keeps the key out of
/// configuration and environment, where it would show in process listings and dumps.
/// Messages name the file and the key id, never what the file holds.
/// </summary>
public static class DocumentKeyFiles
{
    /// <summary>Largest key file read: a base64 key with a line ending is 45 bytes.</summary>
    private const int MaxFileBytes = 1024;

    /// <summary>
    /// The keys of <see cref="DocumentStoreOptions.EncryptionKeys"/> and of the files of
    /// <see cref="DocumentStoreOptions.KeyFiles"/> together, by key id; what cannot be read,
    /// or a key id given both ways, goes to <paramref name="problems"/>.
    /// </summary>
    public static Dictionary<string, string> AllEncodedKeys(DocumentStoreOptions options, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var keys = new Dictionary<string, string>(options.EncryptionKeys, StringComparer.Ordinal);
        foreach (var (id, path) in options.KeyFiles)
        {
            if (keys.ContainsKey(id))
            {
                problems.Add($"Documents: key id '{id}' is given both in EncryptionKeys and in KeyFiles; keep one.");
                continue;
            }
            if (Read(id, path, problems) is { } encoded)
                keys[id] = encoded;
        }
        return keys;
    }

    private static string? Read(string id, string? path, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add($"Documents:KeyFiles:{id} is empty: name the file holding the key.");
            return null;
        }
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                problems.Add($"Documents:KeyFiles:{id}: file '{path}' does not exist (create it with: openssl rand -base64 32 > '{path}'; chmod 600 '{path}').");
                return null;
            }
            if (file.Length > MaxFileBytes)
            {
                problems.Add($"Documents:KeyFiles:{id}: file '{path}' has {file.Length} bytes; a key file holds one base64 key.");
                return null;
            }
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"Documents:KeyFiles:{id}: file '{path}' cannot be read ({e.GetType().Name}); the gateway's user needs read access.");
            return null;
        }
    }
}
