using Ledger.Core.Primitives;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.Eth.Transactions;

namespace Ledger.Contracts.Ethereum;

/// <summary>eth_call through whichever client a binding was given, returning the bytes the call returned.</summary>
internal static class EthCalls
{
    /// <summary>
    /// Through <paramref name="client"/>'s own eth_call when it has one (<see cref="IEthCaller"/>:
    /// a pool's lean clients, or a wrapper forwarding to them), else through Nethereum.
    /// </summary>
    public static Task<byte[]> CallAsync(IClient client, Address to, ReadOnlyMemory<byte> data, BlockParameter? block, CancellationToken cancellationToken) =>
        client is IEthCaller caller
            ? caller.CallAsync(to, data, block, cancellationToken)
            : ViaNethereumAsync(client, to, data, block, cancellationToken);

    /// <summary>Nethereum's eth_call (for a client that is not an <see cref="IEthCaller"/>, or a pool endpoint given as a client only).</summary>
    public static async Task<byte[]> ViaNethereumAsync(IClient client, Address to, ReadOnlyMemory<byte> data, BlockParameter? block, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var input = new CallInput { To = to.ToLowerHex(), Data = "0x" + Convert.ToHexStringLower(data.Span) };
        var returned = await new EthCall(client).SendRequestAsync(input, block ?? BlockParameter.CreateLatest()).ConfigureAwait(false);
        // The lean client's rule for the result, so that a malformed one fails alike on both paths.
        return string.IsNullOrEmpty(returned) ? [] : EthCallAnswer.ResultBytes(System.Text.Encoding.UTF8.GetBytes(returned));
    }
}
