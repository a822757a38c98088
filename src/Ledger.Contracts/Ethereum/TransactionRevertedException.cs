using Ledger.Core.Primitives;

namespace Ledger.Contracts.Ethereum;

/// <summary>
/// A transaction was refused by the EVM: at gas estimation (nothing was sent, no nonce used) or
/// on chain (mined with status 0, gas spent). <see cref="RevertData"/> is what the contract
/// reverted with (a custom error's selector and arguments), empty when the node did not say.
/// </summary>
public sealed class TransactionRevertedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="revertData">The revert data, empty when unknown.</param>
    /// <param name="transactionHash">The mined transaction that reverted; null when nothing was sent.</param>
    /// <param name="innerException">The node's error, when it carried the revert.</param>
    public TransactionRevertedException(ReadOnlyMemory<byte> revertData, Bytes32? transactionHash, Exception? innerException = null)
        : base(Describe(revertData, transactionHash), innerException)
    {
        RevertData = revertData;
        TransactionHash = transactionHash;
    }

    /// <summary>The revert data (selector and ABI-encoded arguments), empty when unknown.</summary>
    public ReadOnlyMemory<byte> RevertData { get; }

    /// <summary>The mined transaction that reverted; null when the refusal came at estimation.</summary>
    public Bytes32? TransactionHash { get; }

    /// <summary>True when a transaction was mined and reverted (its gas is spent); false when nothing was sent.</summary>
    public bool WasSent => TransactionHash is not null;

    private static string Describe(ReadOnlyMemory<byte> data, Bytes32? hash)
    {
        var what = data.IsEmpty ? "without revert data" : $"with 0x{Convert.ToHexStringLower(data.Span[..Math.Min(4, data.Length)])}…";
        return hash is { } h ? $"Transaction {h} reverted {what}." : $"The call would revert {what}; nothing was sent.";
    }
}
