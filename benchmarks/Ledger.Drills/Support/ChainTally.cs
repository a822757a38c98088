using Ledger.Contracts.Permits;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using Ledger.Core.Shipments;
using Nethereum.JsonRpc.Client;
using Nethereum.Web3;

namespace Ledger.Drills.Support;

/// <summary>
/// What the chain holds, read straight from the node (never through a gateway): every
/// ShipmentRecorded event of the PermitRegistry since the genesis, and on request a permit's
/// own counters from <c>verify</c>. The drills count lost and doubled writes from this.
/// </summary>
internal sealed class ChainTally : IShipmentLedger
{
    private readonly PermitRegistryContract _registry;
    private readonly Dictionary<(Bytes32 Permit, Bytes32 Reference), int> _recorded;
    private readonly Dictionary<Bytes32, int> _recordedPerPermit;

    private ChainTally(PermitRegistryContract registry, IReadOnlyList<ShipmentRecorded> shipments)
    {
        _registry = registry;
        _recorded = shipments.GroupBy(s => (s.Key, s.ShipmentRef)).ToDictionary(g => g.Key, g => g.Count());
        _recordedPerPermit = shipments.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Reads every shipment event from block 0 to the head.</summary>
    public static async Task<ChainTally> ReadAsync(Uri rpcUrl, string permitRegistry, CancellationToken cancellationToken)
    {
        var client = new RpcClient(rpcUrl);
        var registry = new PermitRegistryContract(Address.Parse(permitRegistry), client);
        var head = (ulong)(await new Web3(client).Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;
        var shipments = new List<ShipmentRecorded>();
        await foreach (var e in registry.ReadEventsAsync(0, head, cancellationToken: cancellationToken))
        {
            if (e is ShipmentRecorded shipment)
                shipments.Add(shipment);
        }
        return new ChainTally(registry, shipments);
    }

    /// <inheritdoc />
    public int TimesRecorded(string permitId, string reference) =>
        _recorded.GetValueOrDefault((KeyOf(permitId), ShipmentReference.Parse(reference).Key));

    /// <inheritdoc />
    public int ShipmentEventsOf(string permitId) => _recordedPerPermit.GetValueOrDefault(KeyOf(permitId));

    /// <inheritdoc />
    public async Task<(int Shipments, UInt128 UsedOnFirstLine)> CountersOfAsync(string permitId, CancellationToken cancellationToken)
    {
        var view = await _registry.VerifyAsync(KeyOf(permitId), cancellationToken: cancellationToken);
        return (view.ShipmentsUsed, view.Used.Count > 0 ? view.Used[0] : UInt128.Zero);
    }

    private static Bytes32 KeyOf(string permitId) => PermitId.Parse(permitId).Key.Value;
}
