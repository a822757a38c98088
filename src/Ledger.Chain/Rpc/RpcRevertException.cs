using System.Text.Json;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Rpc;

/// <summary>
/// Execution reverted (eth_call, eth_estimateGas). Carries the raw revert data from the
/// error's data member so the ABI layer can decode custom errors; empty when the node
/// sent none or sent something that is not hex.
/// </summary>
public sealed class RpcRevertException : RpcErrorException
{
    /// <summary>The code geth and anvil use for "execution reverted".</summary>
    public const long ExecutionRevertedCode = 3;

    private readonly byte[] _revertData;

    /// <summary>Creates the exception, extracting the revert bytes from <paramref name="data"/>.</summary>
    public RpcRevertException(string method, long code, string rpcMessage, JsonElement? data)
        : base(method, code, rpcMessage, data)
    {
        _revertData = ExtractRevertData(data);
    }

    /// <summary>The raw revert data (selector and ABI-encoded arguments), possibly empty.</summary>
    public ReadOnlySpan<byte> RevertData => _revertData;

    /// <summary>A copy of <see cref="RevertData"/> as an array.</summary>
    public byte[] RevertDataArray => (byte[])_revertData.Clone();

    private static byte[] ExtractRevertData(JsonElement? data)
    {
        // Besu and geth send the bytes as a hex string; some nodes nest them as {"data": "0x..."}.
        var element = data;
        if (element is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty("data", out var nested))
            element = nested;
        if (element is not { ValueKind: JsonValueKind.String } text)
            return [];
        var hex = text.GetString()!;
        if (!Hex.HasPrefix(hex))
            return [];
        try
        {
            return Hex.Decode(hex);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
