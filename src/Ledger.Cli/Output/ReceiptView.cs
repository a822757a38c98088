using System.Globalization;
using Ledger.Api.V1;

namespace Ledger.Cli.Output;

/// <summary>Where a write landed: transaction, block and time; says so when it was a replayed retry.</summary>
public static class ReceiptView
{
    /// <summary>Appends the receipt's lines to <paramref name="block"/> and returns it.</summary>
    public static KeyValueBlock AddTo(KeyValueBlock block, WriteReceipt? receipt)
    {
        if (receipt is null)
            return block;
        return block
            .Add("transaction", receipt.TxHash)
            .Add("block", receipt.BlockNumber.ToString(CultureInfo.InvariantCulture))
            .Add("block time", Words.Of(receipt.BlockTime))
            .Add("replayed", receipt.Replayed ? "yes: the first result of this request ID" : null);
    }
}
