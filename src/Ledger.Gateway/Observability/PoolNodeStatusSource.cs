using Ledger.Contracts.Ethereum;
using Nethereum.RPC.Eth.DTOs;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Follower;

namespace Ledger.Gateway.Observability;

/// <summary>
/// <see cref="INodeStatusSource"/> on the chain client: the head block through the node pool,
/// endpoint states from <see cref="NodePool"/>, the follower's position.
/// </summary>
internal sealed class PoolNodeStatusSource(LedgerChain chain, PermitEventFollower follower, NodeStatusSnapshot snapshot, TimeProvider time)
    : INodeStatusSource
{
    /// <inheritdoc />
    public IReadOnlyList<NodeEndpointState> Endpoints =>
        chain.Rpc is NodePool pool ? pool.GetHealth().Select(e => new NodeEndpointState(e.Name, e.IsUp)).ToArray() : [];

    /// <inheritdoc />
    public async Task<NodeStatus> ProbeAsync(CancellationToken cancellationToken)
    {
        BlockWithTransactionHashes head;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            head = await chain.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest()).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The node has no latest block.");
        }
        catch
        {
            snapshot.UpdateEndpoints(Endpoints);
            throw;
        }
        var number = (ulong)head.Number.Value;
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds((long)head.Timestamp.Value);
        // The follower may apply a block newer than the head read just above: that is no lag, not a negative one.
        long? lag = follower.AppliedThrough is { } applied ? Math.Max(0, (long)number - (long)applied) : null;
        var status = new NodeStatus(number, age < TimeSpan.Zero ? TimeSpan.Zero : age, lag, Endpoints);
        snapshot.Update(status);
        return status;
    }
}
