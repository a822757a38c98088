namespace Ledger.Gateway.Stores;

/// <summary>The answer of <see cref="IIdempotencyStore.TryBeginAsync"/>.</summary>
public sealed class IdempotencyBegin
{
    private IdempotencyBegin(IdempotencyState state, IdempotencyLease? lease, ReadOnlyMemory<byte> storedResult, string? sentTransaction = null)
    {
        State = state;
        Lease = lease;
        StoredResult = storedResult;
        SentTransaction = sentTransaction;
    }

    /// <summary>What was found.</summary>
    public IdempotencyState State { get; }

    /// <summary>The lease to complete, release or abandon; set for <see cref="IdempotencyState.New"/> and <see cref="IdempotencyState.Sent"/>.</summary>
    public IdempotencyLease? Lease { get; }

    /// <summary>The first call's result; set only for <see cref="IdempotencyState.Completed"/>.</summary>
    public ReadOnlyMemory<byte> StoredResult { get; }

    /// <summary>The hash of the transaction an earlier attempt sent; set only for <see cref="IdempotencyState.Sent"/>.</summary>
    public string? SentTransaction { get; }

    /// <summary>The caller resolves <paramref name="sentTransaction"/> first, then proceeds with <paramref name="lease"/>.</summary>
    public static IdempotencyBegin Sent(IdempotencyLease lease, string sentTransaction) =>
        new(IdempotencyState.Sent, lease, default, sentTransaction);

    /// <summary>The caller proceeds with <paramref name="lease"/>.</summary>
    public static IdempotencyBegin New(IdempotencyLease lease) => new(IdempotencyState.New, lease, default);

    /// <summary>Another attempt is running.</summary>
    public static IdempotencyBegin InProgress { get; } = new(IdempotencyState.InProgress, null, default);

    /// <summary>Replay <paramref name="result"/>.</summary>
    public static IdempotencyBegin Completed(ReadOnlyMemory<byte> result) => new(IdempotencyState.Completed, null, result);

    /// <summary>Same ID, different request.</summary>
    public static IdempotencyBegin Mismatch { get; } = new(IdempotencyState.Mismatch, null, default);
}
