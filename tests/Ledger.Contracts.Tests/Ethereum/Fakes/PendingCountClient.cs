namespace Ledger.Contracts.Tests.Ethereum.Fakes;

/// <summary>
/// A node that answers only <c>eth_getTransactionCount</c> (the pending count
/// <see cref="AccountNonces"/> reads), counts how often it was asked, and can be taken away.
/// </summary>
internal sealed class PendingCountClient : OneRequestClient
{
    private int _reads;

    /// <summary>The count the node answers.</summary>
    public ulong PendingCount { get; set; }

    /// <summary>While true, every call fails as an unreachable node's would.</summary>
    public bool Away { get; set; }

    /// <summary>How many counts were read.</summary>
    public int Reads => Volatile.Read(ref _reads);

    protected override Task<T> AnswerAsync<T>(RpcRequest request)
    {
        if (request.Method != "eth_getTransactionCount")
            throw new NotSupportedException(request.Method);
        if (Away)
            throw new RpcClientUnknownException("The node is away.");
        Interlocked.Increment(ref _reads);
        return Task.FromResult((T)(object)new HexBigInteger(PendingCount));
    }
}
