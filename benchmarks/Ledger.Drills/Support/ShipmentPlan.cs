using System.Globalization;

namespace Ledger.Drills.Support;

/// <summary>The shipments a drill writes: each with its own reference, spread over permits and customs offices.</summary>
internal static class ShipmentPlan
{
    /// <summary>
    /// <paramref name="count"/> shipments of quantity 1 over <paramref name="permits"/> in turn, each
    /// round over the permits by the next of <paramref name="offices"/> (so every permit gets
    /// writes from every office), each office at its authority's gateway.
    /// </summary>
    public static IReadOnlyList<ShipmentWrite> Spread(string drill, IReadOnlyList<string> permits, int count,
        IReadOnlyList<(Cli.Connection.GatewayClients Gateway, string Identity)> offices) =>
        Enumerable.Range(0, count).Select(i => (Index: i, Office: offices[i / permits.Count % offices.Count])).Select(w => new ShipmentWrite(
            w.Office.Gateway, w.Office.Identity, permits[w.Index % permits.Count], string.Create(CultureInfo.InvariantCulture, $"AWB-{drill}-{w.Index:D5}"), 1)).ToList();

    /// <summary>
    /// The exporter's customs at two replicas of the exporter's gateway: only the export side
    /// records shipments (the import side confirms arrivals), and each gateway holds only its
    /// own authority's keys, so "two gateways" writing on one permit are two replicas.
    /// </summary>
    public static async Task<IReadOnlyList<(Cli.Connection.GatewayClients Gateway, string Identity)>> ExporterCustomsAtTwoReplicasAsync(
        DrillNetwork network, CancellationToken cancellationToken)
    {
        var customs = network.CustomsOf(DrillNetwork.Exporter);
        return [(network.GatewayOf(DrillNetwork.Exporter), customs), (await network.StartReplicaAsync(DrillNetwork.Exporter, cancellationToken), customs)];
    }
}
