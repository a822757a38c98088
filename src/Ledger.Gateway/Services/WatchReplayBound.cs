using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Services;

/// <summary>
/// Refuses a WatchPermits <c>from_block</c> more than <see cref="LimitsOptions.MaxReplayBlocks"/>
/// behind the head: replaying the whole chain into one stream is a history export, which
/// GetPermitHistory serves per permit and in pages.
/// </summary>
internal sealed class WatchReplayBound(LedgerChain chain, IOptions<LimitsOptions> limits)
{
    /// <summary>Checks the request against the current head.</summary>
    /// <exception cref="RpcException">INVALID_ARGUMENT naming the earliest block allowed.</exception>
    public async Task CheckAsync(WatchPermitsRequest request, CancellationToken ct)
    {
        if (!request.HasFromBlock)
            return;
        var head = await chain.GetBlockNumberAsync(ct).ConfigureAwait(false);
        var max = limits.Value.MaxReplayBlocks;
        if (head <= request.FromBlock || head - request.FromBlock <= max)
            return;
        throw new RpcException(new Status(StatusCode.InvalidArgument,
            $"from_block {request.FromBlock} is {head - request.FromBlock} blocks behind the head {head}; a watch replays at most {max} blocks " +
            $"(Limits:MaxReplayBlocks). Start from block {head - max} or later, and read older events per permit with GetPermitHistory."));
    }
}
