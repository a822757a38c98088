using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nethereum.ABI.Model;

namespace Ledger.Contracts.Tests.Generation;

/// <summary>
/// Emits the C# records for the contracts' custom errors, with their NatSpec as XML docs, and
/// the table that maps a decoded error to its record. Forty-odd records of the same shape are
/// what a generator is for: written by hand they would drift from the ABI one typo at a time.
/// The output is committed under src/Ledger.Contracts/Errors/ and checked by
/// <see cref="GeneratedErrorRecordsTests"/>.
/// </summary>
public static partial class ErrorRecordGenerator
{
    /// <summary>The files produced, by name: errors of both contracts, of each alone, and the map.</summary>
    public static IReadOnlyDictionary<string, string> Generate(string authorityRegistryJson, string permitRegistryJson)
    {
        var authority = Read(authorityRegistryJson);
        var permit = Read(permitRegistryJson);
        var permitSignatures = permit.Select(e => e.Signature).ToHashSet(StringComparer.Ordinal);
        var authoritySignatures = authority.Select(e => e.Signature).ToHashSet(StringComparer.Ordinal);
        var shared = authority.Where(e => permitSignatures.Contains(e.Signature)).ToArray();
        var authorityOnly = authority.Where(e => !permitSignatures.Contains(e.Signature)).ToArray();
        var permitOnly = permit.Where(e => !authoritySignatures.Contains(e.Signature)).ToArray();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SharedErrors.cs"] = RecordsFile("Errors both contracts raise: authorisation checks and country validation.", shared),
            ["AuthorityRegistryErrors.cs"] = RecordsFile("Errors only the AuthorityRegistry raises.", authorityOnly),
            ["PermitRegistryErrors.cs"] = RecordsFile("Errors only the PermitRegistry raises.", permitOnly),
            ["ContractErrorMap.cs"] = MapFile([.. shared, .. authorityOnly, .. permitOnly]),
        };
    }

    private const string Header = """
        // Generated from src/Ledger.Contracts/Artifacts/*.json by ErrorRecordGenerator
        // (tests/Ledger.Contracts.Tests/Generation). Do not edit. After scripts/export-artifacts.sh, run
        //   LEDGER_REGENERATE=1 dotnet test tests/Ledger.Contracts.Tests --filter Generated_error_records_match_the_artifacts
        """ + "\n\n";

    private static IReadOnlyList<ErrorShape> Read(string artifactJson)
    {
        var abi = ContractArtifact.Parse(artifactJson).Abi;
        using var document = JsonDocument.Parse(artifactJson);
        var docs = document.RootElement.GetProperty("errorDocs");
        return abi.Errors.Select(error => Shape(error, docs)).ToArray();
    }

    private static ErrorShape Shape(ErrorABI error, JsonElement docs)
    {
        if (!docs.TryGetProperty(error.Signature, out var doc) || doc.GetProperty("notice").GetString() is not { Length: > 0 } notice)
            throw new InvalidOperationException($"Error {error.Signature} has no NatSpec @notice; document it in the Solidity interface.");
        var parameters = error.InputParameters.OrderBy(p => p.Order).Select((input, i) =>
        {
            if (input.Name.Length == 0)
                throw new InvalidOperationException($"Parameter {i} of {error.Signature} has no name.");
            var name = char.ToUpperInvariant(input.Name[0]) + input.Name[1..];
            if (name is "Signature" or "Name" or "EqualityContract")
                throw new InvalidOperationException($"Parameter {input.Name} of {error.Signature} would hide a ContractError member.");
            if (!doc.GetProperty("params").TryGetProperty(input.Name, out var paramDoc))
                throw new InvalidOperationException($"Parameter {input.Name} of {error.Signature} has no NatSpec @param.");
            var (type, converter) = MapType(input, error.Signature);
            return new ParameterShape(name, type, converter, paramDoc.GetString()!);
        }).ToArray();
        return new ErrorShape(error.Name, error.Signature, notice, parameters);
    }

    /// <summary>The C# type and the AbiValues converter for a Solidity parameter.</summary>
    private static (string Type, string Converter) MapType(Parameter input, string signature)
    {
        var solidity = input.Type;
        if (solidity == "uint8" && input.InternalType is { } internalType && internalType.StartsWith("enum ", StringComparison.Ordinal))
        {
            var enumName = internalType[(internalType.LastIndexOf('.') + 1)..].Replace("enum ", "", StringComparison.Ordinal);
            return (enumName, $"ToEnum<{enumName}>");
        }
        return solidity switch
        {
            "address" => ("Address", "ToAddress"),
            "bytes32" => ("Bytes32", "ToBytes32"),
            "bytes2" => ("CountryBytes", "ToCountry"),
            "bool" => ("bool", "ToBool"),
            "uint8" => ("byte", "ToByte"),
            "uint16" => ("ushort", "ToUInt16"),
            "uint32" => ("uint", "ToUInt32"),
            // Times (uint40) and the contracts' uint256 values (ids, counts, lengths, line indices) fit 64 bits.
            "uint40" or "uint256" => ("ulong", "ToUInt64"),
            "uint96" => ("UInt128", "ToQuantity"),
            _ => throw new InvalidOperationException($"{signature}: no C# mapping for {solidity} ({input.Name}); extend ErrorRecordGenerator.MapType."),
        };
    }

    private static string RecordsFile(string summary, IReadOnlyList<ErrorShape> errors)
    {
        var text = new StringBuilder(Header);
        if (errors.SelectMany(e => e.Parameters).Any(p => p.Type is "Address" or "Bytes32"))
            text.Append("using Ledger.Core.Primitives;\n\n");
        text.Append("namespace Ledger.Contracts.Errors;\n");
        text.Append("\n// ").Append(summary).Append('\n');
        foreach (var error in errors)
        {
            text.Append("\n/// <summary>").Append(Xml(error.Notice)).Append(" Solidity: <c>").Append(error.Signature).Append("</c>.</summary>\n");
            foreach (var parameter in error.Parameters)
                text.Append("/// <param name=\"").Append(parameter.Name).Append("\">").Append(Xml(parameter.Doc)).Append("</param>\n");
            text.Append("public sealed record ").Append(error.Name).Append('(')
                .AppendJoin(", ", error.Parameters.Select(p => $"{p.Type} {p.Name}"))
                .Append(")\n    : ContractError(\"").Append(error.Signature).Append("\");\n");
        }
        return text.ToString();
    }

    private static string MapFile(IReadOnlyList<ErrorShape> errors)
    {
        var text = new StringBuilder(Header);
        text.Append("using Ledger.Contracts.Binding;\n\nnamespace Ledger.Contracts.Errors;\n\n");
        text.Append("public static partial class ContractErrors\n{\n");
        text.Append("    private static partial ContractError? Map(string signature, IReadOnlyList<object?> arguments) => signature switch\n    {\n");
        foreach (var error in errors.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            text.Append("        \"").Append(error.Signature).Append("\" => new ").Append(error.Name).Append('(');
            var arguments = error.Parameters.Select((p, i) => $"AbiValues.{p.Converter}(arguments[{i}])").ToArray();
            // Three converted arguments per line keeps the table readable.
            for (var start = 0; start < arguments.Length; start += 3)
                text.Append("\n            ").AppendJoin(", ", arguments.Skip(start).Take(3)).Append(start + 3 < arguments.Length ? "," : "");
            text.Append("),\n");
        }
        text.Append("        _ => null,\n    };\n}\n");
        return text.ToString();
    }

    // NatSpec marks code with `backticks` and references with {braces}; both become <c>.
    private static string Xml(string natspec)
    {
        var escaped = natspec.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        return CodeSpan().Replace(escaped, match => "<c>" + match.Groups[1].Value + match.Groups[2].Value + "</c>");
    }

    [GeneratedRegex(@"`([^`]+)`|\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex CodeSpan();

    private sealed record ErrorShape(string Name, string Signature, string Notice, IReadOnlyList<ParameterShape> Parameters);

    private sealed record ParameterShape(string Name, string Type, string Converter, string Doc);
}
