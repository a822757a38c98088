using Ledger.Core.Countries;
using Ledger.Core.Documents;
using Ledger.Core.Permits;

namespace Ledger.Core.Registration;

/// <summary>
/// A permit that passed every draft rule, in the typed form the contracts take. Only
/// <see cref="PermitDraft.Validate"/> creates one.
/// </summary>
public sealed class PermitRegistration
{
    internal PermitRegistration(
        PermitId id,
        PermitType type,
        ValidityWindow validity,
        CountryCode? destination,
        IReadOnlyList<UInt128> lines,
        ushort maxShipments,
        PermitId? previous,
        DocumentHash documentHash)
    {
        Id = id;
        Type = type;
        Validity = validity;
        Destination = destination;
        Lines = lines;
        MaxShipments = maxShipments;
        Previous = previous;
        DocumentHash = documentHash;
    }

    /// <summary>The normalised permit ID (its key is the on-chain key).</summary>
    public PermitId Id { get; }

    /// <summary>The kind of document.</summary>
    public PermitType Type { get; }

    /// <summary>When the permit may be used.</summary>
    public ValidityWindow Validity { get; }

    /// <summary>The other country of the trade, if named.</summary>
    public CountryCode? Destination { get; }

    /// <summary>Authorised amount per line, each positive and at most <see cref="Quantities.MaxAmount"/>.</summary>
    public IReadOnlyList<UInt128> Lines { get; }

    /// <summary>Shipments covered (0 = unlimited).</summary>
    public ushort MaxShipments { get; }

    /// <summary>The permit this one derives from (replaced permit or re-export provenance), if any.</summary>
    public PermitId? Previous { get; }

    /// <summary>SHA-256 of the permit document.</summary>
    public DocumentHash DocumentHash { get; }
}
