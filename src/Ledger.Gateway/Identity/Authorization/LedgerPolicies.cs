namespace Ledger.Gateway.Identity.Authorization;

/// <summary>
/// The authorization policies a gRPC method declares with <c>[Authorize(Policy = ...)]</c>:
/// one per kind of work, each naming the <see cref="CallerRole"/>s allowed to do it. The
/// contract still decides for which permits and countries (it is the final authority).
/// </summary>
public static class LedgerPolicies
{
    /// <summary>Reads (verify, history, watch, authorities): any mapped caller.</summary>
    public const string Reader = "ledger:reader";

    /// <summary>Permit writes of an issuing authority: register, replace, cancel.</summary>
    public const string Issuer = "ledger:issuer";

    /// <summary>Border writes: record a shipment, confirm an arrival.</summary>
    public const string Customs = "ledger:customs";

    /// <summary>Fetching a permit's document from its issuer's gateway: customs and issuing officers.</summary>
    public const string Documents = "ledger:documents";

    /// <summary>Network governance: propose and vote on issuers, designate and suspend agencies.</summary>
    public const string Governance = "ledger:governance";

    /// <summary>Every policy and the roles it admits.</summary>
    public static IReadOnlyDictionary<string, CallerRole[]> Roles { get; } = new Dictionary<string, CallerRole[]>
    {
        [Reader] = Enum.GetValues<CallerRole>(),
        [Issuer] = [CallerRole.IssuingOfficer],
        [Customs] = [CallerRole.CustomsOfficer],
        [Governance] = [CallerRole.IssuingOfficer],
        [Documents] = [CallerRole.CustomsOfficer, CallerRole.IssuingOfficer],
    };
}
