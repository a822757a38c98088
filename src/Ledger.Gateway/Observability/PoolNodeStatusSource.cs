using Ledger.Chain.Rpc;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Follower;

namespace Ledger.Gateway.Observability;

/// <summary>
/// <see cref="INodeStatusSource"/> on today's chain client: the head block through the node
/// pool, endpoint states from <see cref="RpcEndpointPool"/>, the follower's position.
/// The only class here that knows Ledger.Chain's RPC types.
/// </summary>
internal sealed class PoolNodeStatusSource(LedgerChain chain, PermitEventFollower follower, NodeStatusSnapshot snapshot, TimeProvider time)
    : INodeStatusSource
{
    /// <inheritdoc />
    public IReadOnlyList<NodeEndpointState> Endpoints =>
        chain.Rpc is RpcEndpointPool pool ? pool.GetHealth().Select(e => new NodeEndpointState(e.Name, e.IsUp)).ToArray() : [];

    /// <inheritdoc />
    public async Task<NodeStatus> ProbeAsync(CancellationToken cancellationToken)
    {
        BlockHeader head;
        try
        {
            head = await chain.Rpc.GetBlockHeaderAsync(BlockTag.Latest, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The node has no latest block.");
        }
        catch
        {
            snapshot.UpdateEndpoints(Endpoints);
            throw;
        }
        var age = time.GetUtcNow() - head.TimestampUtc;
        long? lag = follower.AppliedThrough is { } applied ? (long)head.Number - (long)applied : null;
        var status = new NodeStatus(head.Number, age < TimeSpan.Zero ? TimeSpan.Zero : age, lag, Endpoints);
        snapshot.Update(status);
        return status;
    }
}
