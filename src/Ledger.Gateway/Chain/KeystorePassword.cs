namespace Ledger.Gateway.Chain;

/// <summary>Reads a keystore's password from where its entry says: a file or an environment variable.</summary>
internal static class KeystorePassword
{
    /// <summary>Longest password file read; a password is short, a big file is the wrong file.</summary>
    private const int MaxFileBytes = 4096;

    /// <summary>The password of <paramref name="entry"/>; the message of a failure names the source, never the password.</summary>
    public static string Read(KeystoreEntryOptions entry)
    {
        if (!string.IsNullOrWhiteSpace(entry.PasswordEnv))
        {
            return Environment.GetEnvironmentVariable(entry.PasswordEnv)
                ?? throw new InvalidOperationException(
                    $"The keystore of {entry.Account} takes its password from the environment variable {entry.PasswordEnv}, which is not set.");
        }
        var path = entry.PasswordFile ?? "";
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new InvalidOperationException($"The password file '{path}' of the keystore of {entry.Account} does not exist.");
        if (info.Length > MaxFileBytes)
            throw new InvalidOperationException($"The password file '{path}' of the keystore of {entry.Account} is larger than {MaxFileBytes} bytes.");
        // Editors add a final line break; it is never part of the password.
        return File.ReadAllText(path).TrimEnd('\r', '\n');
    }
}
