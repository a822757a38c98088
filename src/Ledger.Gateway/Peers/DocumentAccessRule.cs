using Ledger.Core.Countries;
using Ledger.Core.Errors;
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

    /// <summary>Null when allowed; otherwise the PERMISSION_DENIED refusal naming both countries.</summary>
    public static LedgerError? Check(PermitId permit, CountryCode caller, CountryCode issuing, CountryCode? destination)
    {
        ArgumentNullException.ThrowIfNull(permit);
        if (MayReceive(caller, issuing, destination))
            return null;
        var parties = destination is { } d ? $"{issuing.Value} (issuing) and {d.Value} (destination)" : $"{issuing.Value} (issuing; no destination given)";
        return LedgerError.PermissionDenied(
            $"the document of {permit.Normalised} is served only to authorities of {parties}; an authority of {caller.Value} may verify the permit but not receive its document");
    }
}
