using Ledger.Benchmarks.Statistics;

namespace Ledger.Benchmarks.Stages;

/// <summary>What the scale stage measured with <paramref name="Size"/> permits on chain.</summary>
/// <param name="Size">Bulk permits on chain.</param>
/// <param name="Gateway">Uncached verify latency through the gateway.</param>
/// <param name="Raw">Raw eth_call of verify latency.</param>
/// <param name="Gas">Median gas of a registration through the gateway.</param>
/// <param name="LoadTime">How long the bulk load to this size took.</param>
/// <param name="Node">The node at rest at this size (its mining stall per block), when probed under interval mining.</param>
/// <param name="MinePerBlock">How long one evm_mine took at this size, when mining was paused and blocks mined on demand (a generated step).</param>
internal sealed record ScaleStep(long Size, LatencyHistogram Gateway, LatencyHistogram Raw, double Gas, TimeSpan LoadTime, NodeStalls? Node, TimeSpan? MinePerBlock = null)
{
    /// <summary>How long mining one block held the node up at this size, however it was measured.</summary>
    public TimeSpan? BlockMiningTime => Node?.StallPerBlock ?? MinePerBlock;
}
