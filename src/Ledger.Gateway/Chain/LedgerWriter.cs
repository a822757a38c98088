using Ledger.Chain.Abi;
using Ledger.Chain.Logs;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Chain.Sending;

namespace Ledger.Gateway.Chain;

/// <summary>
/// Sends a contract call from an authority's key and waits for it. The sender estimates gas
/// first, so a call that would revert sends nothing (no nonce used) and throws
/// <see cref="TransactionRevertedException"/> with the decoded custom error.
/// </summary>
internal sealed class LedgerWriter(LedgerChain chain)
{
    private static readonly EventLogDecoder PermitEvents = new(LedgerContractAbis.PermitRegistry);
    private static readonly EventLogDecoder AuthorityEvents = new(LedgerContractAbis.AuthorityRegistry);

    /// <summary>Calls a PermitRegistry function.</summary>
    public Task<ChainWriteResult> SendPermitRegistryAsync(ITransactionSender sender, string function, CancellationToken ct, params object?[] arguments) =>
        SendAsync(sender, chain.Addresses.PermitRegistry, LedgerContractAbis.PermitRegistry.GetFunction(function), arguments, ct);

    /// <summary>Calls an AuthorityRegistry function.</summary>
    public Task<ChainWriteResult> SendAuthorityRegistryAsync(ITransactionSender sender, string function, CancellationToken ct, params object?[] arguments) =>
        SendAsync(sender, chain.Addresses.AuthorityRegistry, LedgerContractAbis.AuthorityRegistry.GetFunction(function), arguments, ct);

    private async Task<ChainWriteResult> SendAsync(ITransactionSender sender, Address contract, AbiFunction function, object?[] arguments, CancellationToken ct)
    {
        var outcome = await sender.SendAsync(new TransactionRequest(contract, function.EncodeCall(arguments)), ct).ConfigureAwait(false);
        var receipt = outcome.Receipt;
        var header = await chain.Rpc.GetBlockHeaderAsync(receipt.BlockNumber, ct).ConfigureAwait(false);
        var events = receipt.Logs.Select(Decode).OfType<DecodedLog>().ToList();
        return new ChainWriteResult(receipt, header?.TimestampUtc ?? DateTimeOffset.UnixEpoch, events);
    }

    private DecodedLog? Decode(LogEntry log)
    {
        if (log.Address == chain.Addresses.PermitRegistry)
            return PermitEvents.TryDecode(log);
        return log.Address == chain.Addresses.AuthorityRegistry ? AuthorityEvents.TryDecode(log) : null;
    }
}
