namespace Ledger.Console.Backend;

/// <summary>
/// The authorization policies the console's pages declare: by name, the gateway's own
/// (<c>Ledger.Gateway.Identity.Authorization.LedgerPolicies</c>), so a page and the gRPC method
/// doing the same work admit the same roles. The gateway checks at startup that it registers
/// every one of these names.
/// </summary>
public static class ConsolePolicies
{
    /// <summary>Reads: any mapped official.</summary>
    public const string Reader = "ledger:reader";

    /// <summary>Register, replace, cancel: issuing officers.</summary>
    public const string Issuer = "ledger:issuer";

    /// <summary>Record a shipment, confirm an arrival: customs officers.</summary>
    public const string Customs = "ledger:customs";

    /// <summary>Fetch a permit's document from its issuer: customs and issuing officers.</summary>
    public const string Documents = "ledger:documents";

    /// <summary>Every name above.</summary>
    public static IReadOnlyList<string> All { get; } = [Reader, Issuer, Customs, Documents];

    /// <summary>The rate-limiting policy of the public verification page (per client address).</summary>
    public const string PublicVerificationRateLimit = "ledger:console-public";
}
