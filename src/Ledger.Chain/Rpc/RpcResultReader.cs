using System.Numerics;
using System.Text.Json;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Rpc;

/// <summary>
/// Reads typed values out of JSON-RPC results. A missing or malformed field means the node
/// (or a proxy) answered something unusable: that is reported as a
/// <see cref="RpcTransportException"/> naming the method and the field.
/// </summary>
internal readonly struct RpcResultReader
{
    private readonly string _method;

    public RpcResultReader(string method) => _method = method;

    public ulong UInt64(JsonElement value, string what) => Convert(value, what, HexQuantity.ParseUInt64);

    public BigInteger BigInteger(JsonElement value, string what) => Convert(value, what, HexQuantity.ParseBigInteger);

    public byte[] Data(JsonElement value, string what) => Convert(value, what, text =>
        Hex.HasPrefix(text) ? Hex.Decode(text) : throw new FormatException("hex data must start with \"0x\""));

    public Hash32 Hash(JsonElement value, string what) => Convert(value, what, Hash32.Parse);

    public Address Address(JsonElement value, string what) => Convert(value, what, Primitives.Address.Parse);

    public string String(JsonElement value, string what) => Convert(value, what, text => text);

    /// <summary>The named member of <paramref name="obj"/>; throws when it is absent or null.</summary>
    public JsonElement Required(JsonElement obj, string name)
    {
        var member = Optional(obj, name);
        return member ?? throw Malformed($"the member \"{name}\" is missing");
    }

    /// <summary>The named member, or null when absent or JSON null.</summary>
    public JsonElement? Optional(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
            throw Malformed($"expected an object holding \"{name}\", got {obj.ValueKind}");
        return obj.TryGetProperty(name, out var member) && member.ValueKind != JsonValueKind.Null ? member : null;
    }

    public ulong RequiredUInt64(JsonElement obj, string name) => UInt64(Required(obj, name), name);

    public ulong? OptionalUInt64(JsonElement obj, string name) =>
        Optional(obj, name) is { } member ? UInt64(member, name) : null;

    public BigInteger? OptionalBigInteger(JsonElement obj, string name) =>
        Optional(obj, name) is { } member ? BigInteger(member, name) : null;

    public Hash32 RequiredHash(JsonElement obj, string name) => Hash(Required(obj, name), name);

    public Hash32? OptionalHash(JsonElement obj, string name) =>
        Optional(obj, name) is { } member ? Hash(member, name) : null;

    public Address RequiredAddress(JsonElement obj, string name) => Address(Required(obj, name), name);

    public Address? OptionalAddress(JsonElement obj, string name) =>
        Optional(obj, name) is { } member ? Address(member, name) : null;

    public byte[] RequiredData(JsonElement obj, string name) => Data(Required(obj, name), name);

    /// <summary>The elements of a JSON array member, each read by <paramref name="read"/>.</summary>
    public IReadOnlyList<T> Array<T>(JsonElement value, string what, Func<JsonElement, T> read)
    {
        if (value.ValueKind != JsonValueKind.Array)
            throw Malformed($"{what} is {value.ValueKind}, not an array");
        var items = new List<T>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
            items.Add(read(item));
        return items;
    }

    public RpcTransportException Malformed(string problem, Exception? inner = null) =>
        new(_method, "the node", "unusable result: " + problem, inner);

    private T Convert<T>(JsonElement value, string what, Func<string, T> parse)
    {
        if (value.ValueKind != JsonValueKind.String)
            throw Malformed($"{what} is {value.ValueKind}, not a string");
        try
        {
            return parse(value.GetString()!);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw Malformed($"{what}: {e.Message}", e);
        }
    }
}
