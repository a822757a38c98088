using Nethereum.JsonRpc.Client;
using Newtonsoft.Json.Linq;

namespace Ledger.Contracts.Ethereum;

/// <summary>
/// Reads the revert data out of a node's JSON-RPC error for eth_call or eth_estimateGas: geth,
/// Besu and anvil put it in <c>error.data</c>, as a hex string or as an object with a
/// <c>data</c> member.
/// </summary>
public static class RevertData
{
    /// <summary>The revert data, or null when the error is not an execution revert.</summary>
    /// <param name="exception">The node's JSON-RPC error.</param>
    public static byte[]? From(RpcResponseException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var error = exception.RpcError;
        var hex = error.Data switch
        {
            string text => text,
            JValue { Value: string text } => text,
            JObject obj when obj["data"] is JValue { Value: string text } => text,
            _ => null,
        };
        if (hex is not null && hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && hex.Length % 2 == 0)
        {
            try
            {
                return Convert.FromHexString(hex.AsSpan(2));
            }
            catch (FormatException)
            {
                return null;
            }
        }
        // A revert without data (e.g. require(false)) still says so in the message.
        return error.Code == 3 || error.Message.Contains("revert", StringComparison.OrdinalIgnoreCase) ? [] : null;
    }
}
