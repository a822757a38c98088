using Ledger.Chain.Abi;
using Ledger.Chain.Logs;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Chain.Sending;
using Ledger.Contracts.Errors;

namespace Ledger.Contracts.Binding;

/// <summary>
/// What both contract bindings share: reads through eth_call, writes through the transaction
/// sender, and custom-error reverts of either turned into <see cref="ContractErrorException"/>.
/// </summary>
internal sealed class ContractChannel
{
    /// <summary>Most blocks one eth_getLogs call covers when reading events; the reader halves it for a node that refuses.</summary>
    public const int DefaultBlocksPerPage = 5_000;

    private readonly IRpcClient _rpc;
    private readonly ITransactionSender? _sender;

    public ContractChannel(ContractArtifact artifact, Address address, IRpcClient rpc, ITransactionSender? sender)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(rpc);
        if (address.IsZero)
            throw new ArgumentException($"The {artifact.Name} address must not be the zero address.", nameof(address));
        Artifact = artifact;
        Address = address;
        _rpc = rpc;
        _sender = sender;
    }

    public ContractArtifact Artifact { get; }

    public Address Address { get; }

    public ITransactionSender Sender => _sender ?? throw new InvalidOperationException(
        $"This {Artifact.Name} binding was created without a transaction sender, so it can only read.");

    /// <summary>Calls a view function with eth_call and decodes its outputs.</summary>
    public async Task<AbiTuple> CallAsync(ContractCall call, BlockTag? block, CancellationToken cancellationToken)
    {
        var function = call.Function;
        var request = new CallRequest { To = Address, Data = call.Data };
        byte[] returned;
        try
        {
            returned = await _rpc.CallAsync(request, block, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcRevertException e) when (ContractErrorTranslation.FromCall(e, Address, function.Signature) is { } typed)
        {
            throw typed;
        }
        // Every function here returns something, so no data means no contract answered.
        if (returned.Length == 0 && function.Outputs.Count > 0)
            throw new InvalidOperationException(
                $"{function.Signature} on {Address} returned no data: there is no {Artifact.Name} at that address on this chain (wrong address, chain or block?).");
        return function.DecodeOutput(returned);
    }

    /// <summary>Sends a transaction making <paramref name="call"/> and waits for its successful receipt.</summary>
    public async Task<TransactionOutcome> SendAsync(ContractCall call, CancellationToken cancellationToken)
    {
        var request = new TransactionRequest(Address, call.Data);
        try
        {
            return await Sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TransactionRevertedException e) when (ContractErrorTranslation.FromSend(e, Address, call.Function.Signature) is { } typed)
        {
            throw typed;
        }
    }

    /// <summary>The logs of a receipt that this contract emitted.</summary>
    public IEnumerable<LogEntry> OwnLogs(TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return receipt.Logs.Where(log => log.Address == Address);
    }

    /// <summary>
    /// The events matching <paramref name="filter"/> (no block range) in a block range, read page
    /// by page (<see cref="LogReader"/>) and decoded with <paramref name="decode"/>, in chain order.
    /// </summary>
    public IAsyncEnumerable<ContractEvent> ReadEventsAsync(LogFilter filter, Func<LogEntry, ContractEvent?> decode,
        ulong fromBlock, ulong toBlock, int maxBlocksPerPage, CancellationToken cancellationToken) =>
        new LogReader(_rpc).ReadAsync(filter, fromBlock, toBlock, maxBlocksPerPage, cancellationToken)
            .Select(decode)
            .OfType<ContractEvent>();
}
