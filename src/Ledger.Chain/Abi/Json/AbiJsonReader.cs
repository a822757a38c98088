using System.Text.Json;

namespace Ledger.Chain.Abi;

/// <summary>
/// Reads the standard JSON ABI that solc and forge write: an array of function, constructor,
/// receive, fallback, event and error entries, with tuple <c>components</c> and <c>internalType</c>.
/// Errors name the entry and field, e.g. <c>abi[3].inputs[1].components[0]: missing "type"</c>.
/// </summary>
internal static class AbiJsonReader
{
    // Each tuple level costs two JSON levels ("components": [ { ... } ]).
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 2 * AbiLimits.MaxTypeDepth + 8 };

    /// <summary>Parses a JSON ABI array, or a forge/solc artifact object holding one under "abi".</summary>
    public static ContractAbi Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Invalid JSON ABI: not valid JSON ({e.Message})", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("abi", out var abi))
                root = abi;
            if (root.ValueKind != JsonValueKind.Array)
                throw new FormatException("Invalid JSON ABI: expected an array of entries, or an artifact object with an \"abi\" array.");
            return ReadEntries(root);
        }
    }

    private static ContractAbi ReadEntries(JsonElement entries)
    {
        var functions = new List<AbiFunction>();
        var events = new List<AbiEvent>();
        var errors = new List<AbiError>();
        AbiConstructor? constructor = null;
        bool hasFallback = false, hasReceive = false;
        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var path = $"abi[{index++}]";
            if (entry.ValueKind != JsonValueKind.Object)
                throw Error(path, "expected an object");
            // The spec makes "function" the default entry type.
            var kind = OptionalString(entry, "type", path) ?? "function";
            try
            {
                switch (kind)
                {
                    case "function":
                        functions.Add(new AbiFunction(RequiredString(entry, "name", path), Parameters(entry, "inputs", path),
                            Parameters(entry, "outputs", path), Mutability(entry, path)));
                        break;
                    case "constructor":
                        constructor = new AbiConstructor(Parameters(entry, "inputs", path), Mutability(entry, path));
                        break;
                    case "event":
                        events.Add(new AbiEvent(RequiredString(entry, "name", path), Parameters(entry, "inputs", path),
                            OptionalBool(entry, "anonymous", path)));
                        break;
                    case "error":
                        errors.Add(new AbiError(RequiredString(entry, "name", path), Parameters(entry, "inputs", path)));
                        break;
                    case "fallback":
                        hasFallback = true;
                        break;
                    case "receive":
                        hasReceive = true;
                        break;
                    default:
                        throw Error(path, $"unknown entry type \"{kind}\"");
                }
            }
            catch (ArgumentException e)
            {
                throw Error(path, e.Message);
            }
        }
        return new ContractAbi(functions, events, errors, constructor, hasFallback, hasReceive);
    }

    private static List<AbiParameter> Parameters(JsonElement owner, string property, string path)
    {
        var result = new List<AbiParameter>();
        if (!owner.TryGetProperty(property, out var array) || array.ValueKind == JsonValueKind.Null)
            return result;
        if (array.ValueKind != JsonValueKind.Array)
            throw Error($"{path}.{property}", "expected an array");
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}.{property}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
                throw Error(itemPath, "expected an object");
            var typeText = RequiredString(item, "type", itemPath);
            var components = item.TryGetProperty("components", out _) ? Parameters(item, "components", itemPath) : null;
            AbiType type;
            try
            {
                type = AbiTypeParser.ParseJson(typeText, components);
            }
            catch (FormatException e)
            {
                throw Error(itemPath, e.Message);
            }
            result.Add(new AbiParameter(
                OptionalString(item, "name", itemPath) ?? "",
                type,
                OptionalBool(item, "indexed", itemPath),
                OptionalString(item, "internalType", itemPath)));
        }
        return result;
    }

    private static AbiStateMutability Mutability(JsonElement entry, string path)
    {
        var text = OptionalString(entry, "stateMutability", path);
        if (text is null)
        {
            // ABIs from before solc 0.5 state mutability with "constant" and "payable" flags.
            if (OptionalBool(entry, "constant", path))
                return AbiStateMutability.View;
            return OptionalBool(entry, "payable", path) ? AbiStateMutability.Payable : AbiStateMutability.NonPayable;
        }
        return text switch
        {
            "pure" => AbiStateMutability.Pure,
            "view" => AbiStateMutability.View,
            "nonpayable" => AbiStateMutability.NonPayable,
            "payable" => AbiStateMutability.Payable,
            _ => throw Error(path + ".stateMutability", $"unknown value \"{text}\""),
        };
    }

    private static string RequiredString(JsonElement owner, string property, string path) =>
        OptionalString(owner, property, path) ?? throw Error(path, $"missing \"{property}\"");

    private static string? OptionalString(JsonElement owner, string property, string path)
    {
        if (!owner.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Error($"{path}.{property}", "expected a string");
    }

    private static bool OptionalBool(JsonElement owner, string property, string path)
    {
        if (!owner.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            return false;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error($"{path}.{property}", "expected true or false"),
        };
    }

    private static FormatException Error(string path, string problem) => new($"Invalid JSON ABI: {path}: {problem}");
}
