using System.Security.Cryptography;

namespace Ledger.Devnet.Hosting;

/// <summary>
/// The document store of one devnet gateway: a SQLite file and a random key in the gateway's
/// own state folder. The key is made once (mode 0600) and kept across runs; the database
/// starts empty each run, because the devnet's chain starts again from its genesis and
/// documents of permits that no longer exist would refuse new permits of the same number.
/// </summary>
public static class DevnetDocumentStore
{
    /// <summary>The key id the devnet's gateways seal documents with.</summary>
    public const string KeyId = "devnet";

    /// <summary>Makes the key if missing and removes the previous run's database; the settings that name both.</summary>
    /// <param name="gatewayFolder">The gateway's state folder.</param>
    public static Dictionary<string, string?> Prepare(string gatewayFolder)
    {
        Directory.CreateDirectory(gatewayFolder);
        var keyFile = Path.Combine(gatewayFolder, "documents.key");
        if (!File.Exists(keyFile))
            WriteKey(keyFile);
        var database = Path.Combine(gatewayFolder, "documents.sqlite");
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            File.Delete(file);
        return new Dictionary<string, string?>
        {
            ["Documents:Provider"] = "Sqlite",
            ["Documents:SqlitePath"] = database,
            ["Documents:ActiveKeyId"] = KeyId,
            [$"Documents:KeyFiles:{KeyId}"] = keyFile,
        };
    }

    private static void WriteKey(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(new FileStream(path, options));
        writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
    }
}
