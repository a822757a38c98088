using System.Text.Json.Nodes;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Rpc;

/// <summary>Writes the typed request records as JSON-RPC parameter objects.</summary>
internal static class RpcParameterWriter
{
    public static JsonObject Call(CallRequest call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var json = new JsonObject();
        if (call.From is { } from)
            json["from"] = AddressText(from);
        if (call.To is { } to)
            json["to"] = AddressText(to);
        if (call.Gas is { } gas)
            json["gas"] = HexQuantity.Encode(gas);
        if (call.Value is { } value)
            json["value"] = HexQuantity.Encode(value);
        // "data" rather than the newer "input": geth, Besu and anvil all read it, and some
        // nodes refuse a call that sets both.
        if (call.Data is { } data)
            json["data"] = Hex.Encode(data);
        return json;
    }

    public static JsonObject Filter(LogFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        filter.Validate();
        var json = new JsonObject();
        if (filter.FromBlock is { } from)
            json["fromBlock"] = from.RpcValue;
        if (filter.ToBlock is { } to)
            json["toBlock"] = to.RpcValue;
        if (filter.Addresses.Count == 1)
            json["address"] = AddressText(filter.Addresses[0]);
        else if (filter.Addresses.Count > 1)
            json["address"] = new JsonArray([.. filter.Addresses.Select(a => (JsonNode?)AddressText(a))]);
        if (filter.Topics.Count > 0)
        {
            var topics = new JsonArray();
            foreach (var position in filter.Topics)
            {
                topics.Add(position switch
                {
                    null => null,
                    [var single] => (JsonNode)single.ToString(),
                    _ => new JsonArray([.. position.Select(t => (JsonNode?)t.ToString())]),
                });
            }
            json["topics"] = topics;
        }
        return json;
    }

    public static string AddressText(Address address) => Hex.Encode(address.Bytes);
}
