using Ledger.Api.V1;

namespace Ledger.Gateway.Follower;

/// <summary>Receives what the follower applies, in chain order.</summary>
public interface IPermitEventObserver
{
    /// <summary>A permit event the follower has applied (cache invalidated).</summary>
    ValueTask OnPermitEventAsync(PermitEvent permitEvent, CancellationToken cancellationToken);

    /// <summary>Every event up to and including <paramref name="blockNumber"/> has been applied and the checkpoint stored.</summary>
    ValueTask OnCheckpointAsync(ulong blockNumber, CancellationToken cancellationToken);
}
