using System.Numerics;
using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Contracts;

namespace Ledger.Gateway.IntegrationTests.Support;

/// <summary>
/// Reads chain state straight from the node with the contract's ABI, bypassing the
/// gateway, so tests check what really is on chain.
/// </summary>
public sealed class ChainProbe(LedgerNetworkFixture network)
{
    private static readonly ContractAbi PermitAbi = LedgerArtifacts.PermitRegistry.Abi;

    /// <summary>The output of PermitRegistry.verify for the permit ID (keccak256 of the normalised ID).</summary>
    public async Task<AbiTuple> VerifyAsync(string permitId)
    {
        var function = PermitAbi.GetFunction("verify");
        var output = await network.Devnet.Client.CallAsync(new CallRequest
        {
            To = network.PermitRegistry,
            Data = function.EncodeCall(KeyOf(permitId)),
        });
        return (AbiTuple)function.DecodeOutput(output)[0]!;
    }

    /// <summary>Used amount per line.</summary>
    public async Task<BigInteger[]> UsedAsync(string permitId) =>
        ((IReadOnlyList<object?>)(await VerifyAsync(permitId))["used"]!).Cast<BigInteger>().ToArray();

    /// <summary>The PermitRegistry events (by name) about the permit, in chain order.</summary>
    public async Task<IReadOnlyList<string>> EventsAsync(string permitId)
    {
        var logs = await network.Devnet.Client.GetLogsAsync(new LogFilter
        {
            Addresses = [network.PermitRegistry],
            Topics = [null, [new Hash32(KeyOf(permitId))]],
            FromBlock = BlockTag.Earliest,
            ToBlock = BlockTag.Latest,
        });
        return logs.Select(log => PermitAbi.DecodeLog(log.Topics.Select(t => t.Bytes.ToArray()).ToArray(), log.Data)!.Event.Name).ToList();
    }

    /// <summary>keccak256 of the permit ID as given (the tests use normalised IDs).</summary>
    public static byte[] KeyOf(string permitId) => Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(permitId));
}
