using System.Numerics;
using Ledger.Contracts;
using Ledger.Contracts.Generated.PermitRegistry.ContractDefinition;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace Ledger.Gateway.IntegrationTests.Support;

/// <summary>
/// Reads the PermitRegistry straight from the node through Nethereum's own query handler and
/// log filter, not through the gateway or our bindings' channel, so tests can check what the
/// gateway claims against the chain.
/// </summary>
public sealed class ChainProbe(LedgerNetworkFixture network)
{
    /// <summary>verify(key) for the permit, as Nethereum decodes it.</summary>
    public async Task<PermitVerification> VerifyAsync(string permitId)
    {
        var handler = network.Devnet.Web3.Eth.GetContractQueryHandler<VerifyFunction>();
        var output = await handler.QueryDeserializingToObjectAsync<VerifyOutputDTO>(
            new VerifyFunction { Key = KeyOf(permitId) }, network.PermitRegistry.ToLowerHex());
        return output.V;
    }

    /// <summary>The used quantity per line.</summary>
    public async Task<BigInteger[]> UsedAsync(string permitId) => [.. (await VerifyAsync(permitId)).Used];

    /// <summary>The names of the PermitRegistry events about the permit, in chain order.</summary>
    public async Task<IReadOnlyList<string>> EventsAsync(string permitId)
    {
        var logs = await network.Devnet.Web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
        {
            Address = [network.PermitRegistry.ToLowerHex()],
            Topics = [null!, "0x" + Convert.ToHexStringLower(KeyOf(permitId))],
            FromBlock = BlockParameter.CreateEarliest(),
            ToBlock = BlockParameter.CreateLatest(),
        });
        var byTopic = LedgerArtifacts.PermitRegistry.Abi.Events.ToDictionary(e => "0x" + e.Sha3Signature, e => e.Name, StringComparer.OrdinalIgnoreCase);
        return logs.Select(log => byTopic[log.Topics[0].ToString()!]).ToList();
    }

    /// <summary>The permit key: keccak256 of the normalised permit ID.</summary>
    public static byte[] KeyOf(string permitId) => Nethereum.Util.Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(permitId));
}
