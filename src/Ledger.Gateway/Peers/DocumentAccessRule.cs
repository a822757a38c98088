using Ledger.Core.Countries;
using Ledger.Core.Permits;

namespace Ledger.Gateway.Peers;

/// <summary>
/// Who receives a permit's document (CITES and IPPC exchange it between the two Parties of the
/// trade only): an authority of the issuing country or of the destination country.
/// </summary>
public static class DocumentAccessRule
{
    /// <summary>True when an authority of <paramref name="caller"/> may receive the document.</summary>
    public static bool MayReceive(CountryCode caller, CountryCode issuing, CountryCode? destination) =>
        caller == issuing || (destination is { } other && caller == other);

    /// <summary>
    /// Null when allowed; otherwise why not, naming both countries. The reason is for this
    /// gateway's own audit only: told to the caller, it would disclose a draft's destination (and
    /// that the draft exists), so the caller gets the same answer as for a number never heard of.
    /// </summary>
    public static string? RefusalReason(PermitId permit, CountryCode caller, CountryCode issuing, CountryCode? destination)
    {
        ArgumentNullException.ThrowIfNull(permit);
        if (MayReceive(caller, issuing, destination))
            return null;
        var parties = destination is { } d ? $"{issuing.Value} (issuing) and {d.Value} (destination)" : $"{issuing.Value} (issuing; no destination given)";
        return $"the document of {permit.Normalised} is served only to authorities of {parties}; the caller's authority is of {caller.Value}";
    }
}
