namespace Ledger.Gateway.Stores;

/// <summary>What <see cref="IIdempotencyStore.TryBeginAsync"/> found for a request ID.</summary>
public enum IdempotencyState
{
    /// <summary>First sight: the caller owns the lease and performs the write.</summary>
    New,

    /// <summary>The same request is being performed right now (ABORTED: retry later).</summary>
    InProgress,

    /// <summary>The same request was completed: return the stored result as a replay.</summary>
    Completed,

    /// <summary>The request ID was used for a different request (INVALID_ARGUMENT).</summary>
    Mismatch,

    /// <summary>
    /// An earlier attempt sent a transaction (<see cref="IdempotencyBegin.SentTransaction"/>) and
    /// ended without learning its outcome. The caller owns the lease, as for <see cref="New"/>,
    /// and must look that transaction up before sending anything.
    /// </summary>
    Sent,
}
