namespace Ledger.Console.Backend;

/// <summary>
/// Devnet only: the cookie holding the identity picked on the console's identity page. The
/// gateway's devnet console scheme reads it exactly as the API reads its dev header: nothing
/// proves the claim, which is why every page says so.
/// </summary>
public static class DevnetIdentityCookie
{
    /// <summary>The cookie's name.</summary>
    public const string Name = "ledger-console-identity";
}
