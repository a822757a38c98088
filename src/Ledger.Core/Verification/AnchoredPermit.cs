using Ledger.Core.Authorities;
using Ledger.Core.Countries;
using Ledger.Core.Documents;
using Ledger.Core.Permits;

namespace Ledger.Core.Verification;

/// <summary>
/// What the ledger holds about one registered permit, plus its issuer's standing: the
/// facts a verification is derived from. Read from chain by the gateway.
/// </summary>
public sealed record AnchoredPermit
{
    /// <summary>The issuing authority's account, as "0x" hex (checksummed as the gateway writes it).</summary>
    public required string IssuerAddress { get; init; }

    /// <summary>The issuing authority's country.</summary>
    public required CountryCode IssuerCountry { get; init; }

    /// <summary>Whether the issuing authority is active now.</summary>
    public required AuthorityStatus IssuerStatus { get; init; }

    /// <summary>The kind of document.</summary>
    public required PermitType Type { get; init; }

    /// <summary>When the permit may be used.</summary>
    public required ValidityWindow Validity { get; init; }

    /// <summary>The other country of the trade, if the permit names one.</summary>
    public CountryCode? Destination { get; init; }

    /// <summary>Authorised and used amount per line, in permit order.</summary>
    public required IReadOnlyList<QuantityLine> Lines { get; init; }

    /// <summary>Shipments recorded so far.</summary>
    public required ushort ShipmentsUsed { get; init; }

    /// <summary>Shipments allowed; 0 = unlimited.</summary>
    public required ushort MaxShipments { get; init; }

    /// <summary>SHA-256 of the registered document.</summary>
    public required DocumentHash DocumentHash { get; init; }

    /// <summary>The permit this one derives from (the one it replaced, or re-export provenance), if any.</summary>
    public PermitKey? Previous { get; init; }

    /// <summary>The permit that replaced this one, if any.</summary>
    public PermitKey? Replacement { get; init; }

    /// <summary>Why it was cancelled or replaced; null while it is not.</summary>
    public CancelReason? CancelReason { get; init; }

    /// <summary>
    /// True when no further shipment fits: the shipment limit is reached, or every line is
    /// fully used.
    /// </summary>
    public bool IsExhausted =>
        (MaxShipments != 0 && ShipmentsUsed >= MaxShipments) || (Lines.Count > 0 && Lines.All(line => line.IsUsedUp));
}
