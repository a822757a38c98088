using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;

namespace Ledger.Contracts.Deployment;

/// <summary>eth_getCode, which the RPC layer does not offer as a typed call.</summary>
internal static class ContractCode
{
    public static async Task<byte[]> GetAsync(IRpcClient rpc, Address address, BlockTag block, CancellationToken cancellationToken)
    {
        var result = await rpc.SendAsync("eth_getCode", [Hex.Encode(address.Bytes), block.RpcValue], cancellationToken).ConfigureAwait(false);
        var text = result.GetString();
        if (text is null || !Hex.HasPrefix(text))
            throw new InvalidDataException($"eth_getCode for {address} answered {result.ValueKind}, not hex data.");
        return Hex.Decode(text);
    }
}
