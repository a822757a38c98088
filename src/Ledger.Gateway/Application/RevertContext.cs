using Ledger.Core.Permits;
using Ledger.Core.Shipments;

namespace Ledger.Gateway.Application;

/// <summary>What a write was about, so a contract error can be told in the officer's terms.</summary>
/// <param name="PermitId">The permit the write concerned, if any.</param>
/// <param name="Shipment">The shipment reference, for shipment records and arrivals.</param>
/// <param name="ImportSide">True for arrival confirmations (the destination's customs act).</param>
/// <param name="Batch">The permits of a batch; an error's permit key picks the one it is about.</param>
internal sealed record RevertContext(
    PermitId? PermitId = null, ShipmentReference? Shipment = null, bool ImportSide = false, IReadOnlyList<PermitId>? Batch = null)
{
    /// <summary>A write about no permit (authority governance).</summary>
    public static RevertContext None { get; } = new();
}
