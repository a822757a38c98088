using System.Buffers;
using System.Text.Json;
using Nethereum.JsonRpc.Client;
using Newtonsoft.Json.Linq;

namespace Ledger.Contracts.Ethereum;

/// <summary>
/// Reads a JSON-RPC answer to eth_call with <see cref="Utf8JsonReader"/>: the <c>result</c> hex
/// decoded straight into bytes, an <c>error</c> raised as Nethereum raises it
/// (<see cref="RpcResponseException"/> with code, message and data, the revert data included),
/// anything else (not JSON, not an object, neither result nor error, another id, a result that
/// is not hex) raised as <see cref="RpcClientUnknownException"/>, the failure of an answer that
/// is not JSON-RPC.
/// </summary>
internal static class EthCallAnswer
{
    /// <summary>The bytes the call returned (empty for "0x" or a null result).</summary>
    /// <param name="json">The answer's body.</param>
    /// <param name="id">The request's id, which the answer must carry.</param>
    public static byte[] Parse(ReadOnlySpan<byte> json, long id)
    {
        try
        {
            return ParseObject(json, id);
        }
        catch (JsonException e)
        {
            throw NotJsonRpc("it is not JSON", e);
        }
    }

    private static byte[] ParseObject(ReadOnlySpan<byte> json, long id)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw NotJsonRpc("it is not a JSON object");
        byte[]? result = null;
        RpcError? error = null;
        var idMatches = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                result = reader.TokenType switch
                {
                    JsonTokenType.String => Hex(ref reader),
                    JsonTokenType.Null => [],
                    _ => throw NotJsonRpc("its result is not a string"),
                };
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                // "error": null beside a result is no error (some nodes and proxies write both members).
                error = reader.TokenType == JsonTokenType.Null ? null : Error(ref reader);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                // Some proxies echo the id as a string; the same id either way.
                idMatches = reader.TokenType switch
                {
                    JsonTokenType.Number => reader.TryGetInt64(out var answered) && answered == id,
                    JsonTokenType.String => long.TryParse(reader.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var echoed) && echoed == id,
                    _ => false,
                };
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            throw NotJsonRpc("it does not end after its object");
        if (error is not null)
            throw new RpcResponseException(error);
        if (!idMatches)
            throw NotJsonRpc($"it does not carry the request's id {id}");
        return result ?? throw NotJsonRpc("it has neither result nor error");
    }

    private static byte[] Hex(ref Utf8JsonReader reader) =>
        // Hex never needs escaping; an escaped one is unescaped the slow way.
        ResultBytes(reader.ValueIsEscaped || reader.HasValueSequence
            ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!)
            : reader.ValueSpan);

    /// <summary>
    /// The bytes of a <c>result</c> as a node writes it ("0x" and hex of whole bytes, either case);
    /// anything else is <see cref="RpcClientUnknownException"/>, an answer that is not JSON-RPC.
    /// </summary>
    public static byte[] ResultBytes(ReadOnlySpan<byte> text)
    {
        if (text.Length < 2 || text[0] != (byte)'0' || (text[1] | 0x20) != (byte)'x' || text.Length % 2 != 0)
            throw NotJsonRpc("its result is not 0x-prefixed hex of whole bytes");
        var bytes = new byte[(text.Length - 2) / 2];
        if (Convert.FromHexString(text[2..], bytes, out _, out _) != OperationStatus.Done)
            throw NotJsonRpc("its result is not 0x-prefixed hex of whole bytes");
        return bytes;
    }

    // The error object: code, message and data (kept as JSON for RevertData, which reads a string or an object's "data").
    private static RpcError Error(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw NotJsonRpc("its error is not an object");
        var code = 0;
        var message = "";
        JToken? data = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("code"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out code))
                    throw NotJsonRpc("its error code is not a number");
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                message = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw NotJsonRpc("its error message is not a string");
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                data = reader.TokenType == JsonTokenType.String
                    ? new JValue(reader.GetString())
                    : JToken.Parse(JsonElement.ParseValue(ref reader).GetRawText());
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        // Nethereum's client names the method after the node's message; so does this, so that both read alike.
        return new RpcError(code, message + ": eth_call", data);
    }

    private static RpcClientUnknownException NotJsonRpc(string why, Exception? inner = null) =>
        new($"The node's answer to eth_call is not JSON-RPC: {why}.", inner!);
}
