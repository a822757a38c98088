using System.Text.Json;

namespace Ledger.Chain.Rpc;

/// <summary>Builds the typed records from JSON-RPC result objects.</summary>
internal static class RpcModelReader
{
    public static BlockHeader ReadBlockHeader(JsonElement block, RpcResultReader read) => new(
        Number: read.RequiredUInt64(block, "number"),
        Hash: read.RequiredHash(block, "hash"),
        ParentHash: read.RequiredHash(block, "parentHash"),
        Timestamp: read.RequiredUInt64(block, "timestamp"),
        GasLimit: read.RequiredUInt64(block, "gasLimit"),
        GasUsed: read.RequiredUInt64(block, "gasUsed"),
        BaseFeePerGas: read.OptionalBigInteger(block, "baseFeePerGas"));

    public static LogEntry ReadLog(JsonElement log, RpcResultReader read) => new(
        Address: read.RequiredAddress(log, "address"),
        Topics: read.Array(read.Required(log, "topics"), "topics", topic => read.Hash(topic, "topic")),
        Data: read.RequiredData(log, "data"),
        BlockNumber: read.RequiredUInt64(log, "blockNumber"),
        BlockHash: read.RequiredHash(log, "blockHash"),
        TransactionHash: read.RequiredHash(log, "transactionHash"),
        TransactionIndex: read.RequiredUInt64(log, "transactionIndex"),
        LogIndex: read.RequiredUInt64(log, "logIndex"),
        Removed: read.Optional(log, "removed") is { ValueKind: JsonValueKind.True });

    public static TransactionReceipt ReadReceipt(JsonElement receipt, RpcResultReader read) => new(
        TransactionHash: read.RequiredHash(receipt, "transactionHash"),
        TransactionIndex: read.RequiredUInt64(receipt, "transactionIndex"),
        BlockHash: read.RequiredHash(receipt, "blockHash"),
        BlockNumber: read.RequiredUInt64(receipt, "blockNumber"),
        From: read.RequiredAddress(receipt, "from"),
        To: read.OptionalAddress(receipt, "to"),
        Status: read.RequiredUInt64(receipt, "status"),
        GasUsed: read.RequiredUInt64(receipt, "gasUsed"),
        CumulativeGasUsed: read.RequiredUInt64(receipt, "cumulativeGasUsed"),
        EffectiveGasPrice: read.OptionalBigInteger(receipt, "effectiveGasPrice"),
        ContractAddress: read.OptionalAddress(receipt, "contractAddress"),
        Logs: read.Array(read.Required(receipt, "logs"), "logs", log => ReadLog(log, read)));

    public static TransactionInfo ReadTransaction(JsonElement transaction, RpcResultReader read) => new(
        Hash: read.RequiredHash(transaction, "hash"),
        From: read.RequiredAddress(transaction, "from"),
        To: read.OptionalAddress(transaction, "to"),
        Nonce: read.RequiredUInt64(transaction, "nonce"),
        Value: read.BigInteger(read.Required(transaction, "value"), "value"),
        Gas: read.RequiredUInt64(transaction, "gas"),
        Input: read.RequiredData(transaction, "input"),
        BlockHash: read.OptionalHash(transaction, "blockHash"),
        BlockNumber: read.OptionalUInt64(transaction, "blockNumber"),
        TransactionIndex: read.OptionalUInt64(transaction, "transactionIndex"));
}
