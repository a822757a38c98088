namespace Ledger.Drills.Support;

/// <summary>What the accounting needs to know of the chain's shipments (read by <see cref="ChainTally"/>).</summary>
internal interface IShipmentLedger
{
    /// <summary>How many ShipmentRecorded events carry this permit and shipment reference (1 when it landed once).</summary>
    int TimesRecorded(string permitId, string reference);

    /// <summary>How many ShipmentRecorded events the permit has, whatever their reference.</summary>
    int ShipmentEventsOf(string permitId);

    /// <summary>The permit's own counters now: shipments used and the amount used on its first line.</summary>
    Task<(int Shipments, UInt128 UsedOnFirstLine)> CountersOfAsync(string permitId, CancellationToken cancellationToken);
}
