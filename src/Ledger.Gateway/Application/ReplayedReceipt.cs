using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Contracts;

namespace Ledger.Gateway.Application;

/// <summary>
/// The receipt of a write the chain already holds, rebuilt from the event it emitted, for an
/// answer that sends nothing new (replayed = true).
/// </summary>
internal static class ReplayedReceipt
{
    /// <summary>The receipt of the transaction that emitted <paramref name="earlier"/>, marked as replayed.</summary>
    public static async Task<WriteReceipt> OfAsync(LedgerAccess ledger, ContractEvent earlier, CancellationToken ct)
    {
        var blockTime = await ledger.Reader.Chain.GetBlockTimeAsync(earlier.Log.BlockNumber, ct).ConfigureAwait(false);
        return new WriteReceipt
        {
            TxHash = earlier.Log.TransactionHash.ToString(),
            BlockNumber = earlier.Log.BlockNumber,
            BlockTime = Timestamp.FromDateTimeOffset(blockTime),
            Replayed = true,
        };
    }
}
