namespace Ledger.Gateway.Chain;

/// <summary>
/// One encrypted authority key (Web3 Secret Storage file) and where its password comes from:
/// a file (e.g. a mounted secret) or an environment variable, never the configuration itself.
/// </summary>
public sealed class KeystoreEntryOptions
{
    /// <summary>The authority account (0x + 40 hex) the key must belong to; checked when the key is loaded.</summary>
    public string Account { get; set; } = "";

    /// <summary>Path of the keystore JSON file.</summary>
    public string KeystorePath { get; set; } = "";

    /// <summary>Path of a file whose content (trailing line break ignored) is the password.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Name of an environment variable holding the password.</summary>
    public string? PasswordEnv { get; set; }
}
