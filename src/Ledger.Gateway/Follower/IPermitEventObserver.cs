using Ledger.Api.V1;

namespace Ledger.Gateway.Follower;

/// <summary>Receives what the follower applies, in chain order.</summary>
public interface IPermitEventObserver
{
    /// <summary>
    /// Whether events of <paramref name="kind"/> can matter to this observer. The follower reads
    /// the chain to build an event only when some observer may want it; by default, all.
    /// </summary>
    bool MayWant(PermitEventKind kind) => true;

    /// <summary>A permit event the follower has applied (cache invalidated), of a kind <see cref="MayWant"/> accepted.</summary>
    ValueTask OnPermitEventAsync(PermitEvent permitEvent, CancellationToken cancellationToken);

    /// <summary>Every event up to and including <paramref name="blockNumber"/> has been applied and the checkpoint stored.</summary>
    ValueTask OnCheckpointAsync(ulong blockNumber, CancellationToken cancellationToken);
}
