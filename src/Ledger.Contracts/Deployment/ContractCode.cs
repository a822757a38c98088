using Ledger.Core.Primitives;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth;
using Nethereum.RPC.Eth.DTOs;

namespace Ledger.Contracts.Deployment;

/// <summary>eth_getCode as bytes.</summary>
internal static class ContractCode
{
    public static async Task<byte[]> GetAsync(IClient client, Address address, BlockParameter block, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = await new EthGetCode(client).SendRequestAsync(address.ToLowerHex(), block).ConfigureAwait(false);
        if (text is null || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"eth_getCode for {address} did not answer hex data.");
        return Convert.FromHexString(text.AsSpan(2));
    }
}
