using Ledger.Core.Primitives;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace Ledger.Testing;

/// <summary>The few node reads tests make to check what a binding or sender did, typed as the tests compare them.</summary>
public static class NodeReads
{
    /// <summary>The newest block's number.</summary>
    public static async Task<ulong> GetBlockNumberAsync(this IClient client) =>
        (ulong)(await new Web3(client).Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;

    /// <summary>The account's transaction count (its next nonce) at <paramref name="block"/>.</summary>
    public static async Task<ulong> GetTransactionCountAsync(this IClient client, Address account, BlockParameter block) =>
        (ulong)(await new Web3(client).Eth.Transactions.GetTransactionCount.SendRequestAsync(account.ToLowerHex(), block)).Value;

    /// <summary>The receipt of a transaction, or null while it is not mined.</summary>
    public static Task<TransactionReceipt?> GetTransactionReceiptAsync(this IClient client, Bytes32 hash) =>
        new Web3(client).Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash.ToHex())!;

    /// <summary>A transaction as the node knows it, or null.</summary>
    public static Task<Transaction?> GetTransactionByHashAsync(this IClient client, Bytes32 hash) =>
        new Web3(client).Eth.Transactions.GetTransactionByHash.SendRequestAsync(hash.ToHex())!;

    /// <summary>A block's timestamp (Unix seconds).</summary>
    public static async Task<ulong> GetBlockTimestampAsync(this IClient client, BlockParameter block) =>
        (ulong)(await new Web3(client).Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(block)).Timestamp.Value;
}
