using Ledger.Chain.Primitives;

namespace Ledger.Chain.Sending;

/// <summary>
/// A transaction the node accepted: what is needed to wait for it, send it again if the
/// node drops it, and replay it if it reverts. The signed bytes stay out of <see cref="ToString"/>.
/// </summary>
internal sealed class SentTransaction(Hash32 hash, ulong nonce, ReadOnlyMemory<byte> rawBytes, ulong gasLimit, TransactionRequest request)
{
    public Hash32 Hash { get; } = hash;

    public ulong Nonce { get; } = nonce;

    /// <summary>The signed transaction, for a re-broadcast of exactly the same bytes.</summary>
    public ReadOnlyMemory<byte> RawBytes { get; } = rawBytes;

    public ulong GasLimit { get; } = gasLimit;

    public TransactionRequest Request { get; } = request;

    public override string ToString() => $"SentTransaction {{ Hash = {Hash}, Nonce = {Nonce} }}";
}
