using System.Buffers;
using System.Text.Json;

namespace Ledger.Chain.Rpc;

/// <summary>
/// The JSON-RPC 2.0 envelope: writes request bodies and turns response bodies into
/// <see cref="RpcResponse"/>s matched to their requests by id. Anything that is not a
/// well-formed answer to what was asked is a <see cref="RpcTransportException"/>: the
/// endpoint (or something in front of it) is broken, another one may do better.
/// </summary>
internal static class JsonRpcWire
{
    /// <summary>Serialises one call with the given id.</summary>
    public static byte[] WriteRequest(long id, RpcRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            WriteCall(writer, id, request);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Serialises a batch; call i gets id <paramref name="firstId"/> + i.</summary>
    public static byte[] WriteBatch(long firstId, IReadOnlyList<RpcRequest> requests)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = 0; i < requests.Count; i++)
                WriteCall(writer, firstId + i, requests[i]);
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads the answer to a single call sent with <paramref name="id"/>.</summary>
    public static RpcResponse ReadResponse(ReadOnlyMemory<byte> body, long id, string method, string endpoint)
    {
        using var document = Parse(body, method, endpoint);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw Malformed(method, endpoint, $"expected a JSON object, got {root.ValueKind}");
        var responseId = ReadId(root, method, endpoint);
        // A node that could not parse the request answers with a null id; the error still belongs to this call.
        if (responseId is null && !root.TryGetProperty("error", out _))
            throw Malformed(method, endpoint, "the answer has no id");
        if (responseId is not null && responseId != id)
            throw Malformed(method, endpoint, $"the answer has id {responseId}, the request had id {id}");
        return ReadOutcome(root, method, endpoint);
    }

    /// <summary>Reads the answer to a batch sent with ids <paramref name="firstId"/> onwards, in request order.</summary>
    public static IReadOnlyList<RpcResponse> ReadBatchResponse(
        ReadOnlyMemory<byte> body, long firstId, IReadOnlyList<RpcRequest> requests, string batchName, string endpoint)
    {
        using var document = Parse(body, batchName, endpoint);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out _))
        {
            // The node refused the batch as a whole (too large, batches disabled, ...).
            throw ReadOutcome(root, batchName, endpoint).Error!;
        }
        if (root.ValueKind != JsonValueKind.Array)
            throw Malformed(batchName, endpoint, $"expected a JSON array, got {root.ValueKind}");

        var responses = new RpcResponse?[requests.Count];
        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
                throw Malformed(batchName, endpoint, $"a batch element is {item.ValueKind}, not an object");
            var id = ReadId(item, batchName, endpoint);
            if (id is null)
            {
                var orphan = item.TryGetProperty("error", out var error) ? ReadErrorMessage(error) : "no error either";
                throw Malformed(batchName, endpoint, $"a batch answer has no id ({orphan})");
            }
            var index = id.Value - firstId;
            if (index < 0 || index >= requests.Count)
                throw Malformed(batchName, endpoint, $"a batch answer has id {id}, which was not asked");
            if (responses[index] is not null)
                throw Malformed(batchName, endpoint, $"id {id} is answered twice");
            responses[index] = ReadOutcome(item, requests[(int)index].Method, endpoint);
        }

        var missing = responses.Count(r => r is null);
        if (missing > 0)
            throw Malformed(batchName, endpoint, $"{missing} of {requests.Count} calls were not answered");
        return responses!;
    }

    private static void WriteCall(Utf8JsonWriter writer, long id, RpcRequest request)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WriteNumber("id", id);
        writer.WriteString("method", request.Method);
        writer.WriteStartArray("params");
        foreach (var parameter in request.Parameters)
        {
            if (parameter is null)
                writer.WriteNullValue();
            else
                parameter.WriteTo(writer);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> body, string method, string endpoint)
    {
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw Malformed(method, endpoint, $"the body is not JSON ({e.Message})", e);
        }
    }

    private static long? ReadId(JsonElement response, string method, string endpoint)
    {
        if (!response.TryGetProperty("id", out var id) || id.ValueKind == JsonValueKind.Null)
            return null;
        if (id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var number))
            return number;
        throw Malformed(method, endpoint, $"the answer's id is {id.ValueKind}, not the number that was sent");
    }

    private static RpcResponse ReadOutcome(JsonElement response, string method, string endpoint)
    {
        if (response.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            if (error.ValueKind != JsonValueKind.Object
                || !error.TryGetProperty("code", out var code) || !code.TryGetInt64(out var codeValue))
                throw Malformed(method, endpoint, "the error member is not an object with an integer code");
            JsonElement? data = error.TryGetProperty("data", out var dataElement) ? dataElement.Clone() : null;
            return RpcResponse.Failure(RpcErrorException.Create(method, codeValue, ReadErrorMessage(error), data));
        }
        if (!response.TryGetProperty("result", out var result))
            throw Malformed(method, endpoint, "the answer has neither result nor error");
        return RpcResponse.Success(result.Clone());
    }

    private static string ReadErrorMessage(JsonElement error) =>
        error.ValueKind == JsonValueKind.Object
        && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
            ? message.GetString()!
            : "";

    private static RpcTransportException Malformed(string method, string endpoint, string problem, Exception? inner = null) =>
        new(method, endpoint, "not a valid JSON-RPC answer: " + problem, inner);
}
