using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Tests.Abi;

/// <summary>
/// Reads the output of <c>cast decode-abi --json</c> into the value shapes the tests generate,
/// guided by the types: integers are JSON numbers or, when large, decimal strings; addresses
/// and bytes are hex strings; arrays and tuples are JSON arrays.
/// </summary>
internal static class CastJson
{
    public static object?[] ReadValues(AbiTupleType types, string json)
    {
        using var document = JsonDocument.Parse(json);
        return ((object?[])Read(types, document.RootElement)!);
    }

    private static object? Read(AbiType type, JsonElement element) => type switch
    {
        AbiIntegerType => BigInteger.Parse(
            element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText(), CultureInfo.InvariantCulture),
        AbiAddressType => Address.Parse(element.GetString()!),
        AbiBoolType => element.GetBoolean(),
        AbiFixedBytesType or AbiBytesType => Hex.Decode(element.GetString()!),
        AbiStringType => element.GetString(),
        AbiArrayType array => element.EnumerateArray().Select(e => Read(array.Element, e)).ToArray(),
        AbiTupleType tuple => element.EnumerateArray().Select((e, i) => Read(tuple.Components[i].Type, e)).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown ABI type"),
    };
}
