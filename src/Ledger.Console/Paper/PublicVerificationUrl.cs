namespace Ledger.Console.Paper;

/// <summary>
/// Where the public verification page of a permit is: on the issuing country's gateway, which
/// is the one printing the copy (an issuer prints only its own permits).
/// </summary>
public static class PublicVerificationUrl
{
    /// <summary>The page's path below the console's root.</summary>
    public const string Path = "/public/verify";

    /// <summary>
    /// The URL of <paramref name="permitId"/>'s public page under <paramref name="publicBase"/>
    /// (the console's address as the public reaches it, e.g. https://permits.example.ch/).
    /// </summary>
    public static Uri For(Uri publicBase, string permitId)
    {
        ArgumentNullException.ThrowIfNull(publicBase);
        var root = publicBase.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}{Path}?id={Uri.EscapeDataString(permitId)}");
    }
}
