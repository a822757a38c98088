using System.Runtime.CompilerServices;
using Ledger.Contracts.Errors;
using Ledger.Contracts.Ethereum;
using Ledger.Core.Primitives;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;

namespace Ledger.Contracts.Binding;

/// <summary>
/// What both contract bindings share: reads through eth_call decoded into Nethereum output
/// DTOs, writes through the transaction sender, events through the <see cref="LogPager"/>, and
/// custom-error reverts of either turned into <see cref="ContractErrorException"/>.
/// </summary>
internal sealed class ContractChannel
{
    /// <summary>Most blocks one eth_getLogs call covers when reading events; halved for a node that refuses.</summary>
    public const int DefaultBlocksPerPage = 5_000;

    private readonly IClient _client;
    private readonly ITransactionSender? _sender;

    public ContractChannel(ContractArtifact artifact, Address address, IClient client, ITransactionSender? sender)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(client);
        if (address.IsZero)
            throw new ArgumentException($"The {artifact.Name} address must not be the zero address.", nameof(address));
        Artifact = artifact;
        Address = address;
        _client = client;
        _sender = sender;
    }

    public ContractArtifact Artifact { get; }

    public Address Address { get; }

    public IClient Client => _client;

    public ITransactionSender Sender => _sender ?? throw new InvalidOperationException(
        $"This {Artifact.Name} binding was created without a transaction sender, so it can only read.");

    /// <summary>Calls a view function with eth_call and decodes its outputs into <typeparamref name="TOutput"/>.</summary>
    public async Task<TOutput> CallAsync<TOutput>(ContractCall call, BlockParameter? block, CancellationToken cancellationToken)
        where TOutput : IFunctionOutputDTO, new() =>
        new FunctionCallDecoder().DecodeFunctionOutput<TOutput>(
            "0x" + Convert.ToHexStringLower(await CallRawAsync(call, block, cancellationToken).ConfigureAwait(false)));

    /// <summary>
    /// Calls a view function with eth_call and returns its undecoded outputs, for the callers that
    /// decode them by hand. Through a client that is an <see cref="IEthCaller"/> (a <see cref="NodePool"/>)
    /// the answer is read by its own eth_call.
    /// </summary>
    public async Task<byte[]> CallRawAsync(ContractCall call, BlockParameter? block, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        byte[] returned;
        try
        {
            returned = await EthCalls.CallAsync(_client, Address, call.Data, block, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcResponseException e) when (ContractErrorTranslation.FromCall(e, Address, call.Signature) is { } typed)
        {
            throw typed;
        }
        // Every function here returns something, so no data means no contract answered.
        if (returned.Length == 0)
            throw new InvalidOperationException(
                $"{call.Signature} on {Address} returned no data: there is no {Artifact.Name} at that address on this chain (wrong address, chain or block?).");
        return returned;
    }

    /// <summary>Sends a transaction making <paramref name="call"/> and waits for its successful receipt.</summary>
    public async Task<TransactionOutcome> SendAsync(ContractCall call, CancellationToken cancellationToken)
    {
        var request = new TransactionRequest(Address, call.Data);
        try
        {
            return await Sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TransactionRevertedException e) when (ContractErrorTranslation.FromSend(e, Address, call.Signature) is { } typed)
        {
            throw typed;
        }
    }

    /// <summary>The logs of a receipt that this contract emitted.</summary>
    public IEnumerable<FilterLog> OwnLogs(TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return (receipt.Logs ?? []).Where(log => Address.TryParse(log.Address?.ToLowerInvariant(), out var from, out _) && from == Address);
    }

    /// <summary>
    /// This contract's events whose topics match <paramref name="topics"/>, in a block range,
    /// read page by page (<see cref="LogPager"/>) and decoded with <paramref name="decode"/>, in chain order.
    /// </summary>
    public async IAsyncEnumerable<ContractEvent> ReadEventsAsync(IReadOnlyList<IReadOnlyList<Bytes32>?> topics, Func<FilterLog, ContractEvent?> decode,
        ulong fromBlock, ulong toBlock, int maxBlocksPerPage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var topicTexts = topics.Select(values => (IReadOnlyList<string>?)values?.Select(v => v.ToHex()).ToArray()).ToArray();
        var logs = new LogPager(_client).ReadAsync([Address.ToLowerHex()], topicTexts, fromBlock, toBlock, maxBlocksPerPage, cancellationToken);
        await foreach (var log in logs.ConfigureAwait(false))
        {
            if (decode(log) is { } decoded)
                yield return decoded;
        }
    }
}
