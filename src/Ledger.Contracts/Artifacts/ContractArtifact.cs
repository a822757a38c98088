using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.Model;
using Ledger.Core.Primitives;

namespace Ledger.Contracts;

/// <summary>
/// A compiled contract as embedded in this assembly: its ABI, creation and runtime bytecode,
/// the compiler that made them and the ABI version. The JSON files under <c>Artifacts/</c> are
/// produced by <c>scripts/export-artifacts.sh</c> (forge build + extraction) and committed, so
/// that building .NET needs no node or forge and the deployed bytecode is reviewed like code;
/// the test <c>Artifacts_match_a_fresh_compile</c> fails when they differ from a fresh compile.
/// </summary>
public sealed class ContractArtifact
{
    private const string ResourcePrefix = "Ledger.Contracts.Artifacts.";
    private const int MaxArtifactBytes = 1024 * 1024;

    private readonly byte[] _bytecode;
    private readonly byte[] _deployedBytecode;

    private ContractArtifact(string name, string source, string compiler, string abiVersion, ContractABI abi,
        byte[] bytecode, byte[] deployedBytecode, IReadOnlyList<ImmutableReference> immutableReferences)
    {
        Name = name;
        Source = source;
        Compiler = compiler;
        AbiVersion = abiVersion;
        Abi = abi;
        _bytecode = bytecode;
        _deployedBytecode = deployedBytecode;
        ImmutableReferences = immutableReferences;
    }

    /// <summary>The contract name, e.g. "PermitRegistry".</summary>
    public string Name { get; }

    /// <summary>The Solidity file it was compiled from, relative to <c>contracts/</c>.</summary>
    public string Source { get; }

    /// <summary>The compiler and its version, e.g. "solc 0.8.37+commit.f401782d".</summary>
    public string Compiler { get; }

    /// <summary>
    /// "0x" and the SHA-256 (hex) of the ABI serialised as compact JSON: any change to a
    /// function, event or error changes it. Deployment records carry it, so a gateway refuses
    /// contracts deployed from another version than the bindings it was built with.
    /// </summary>
    public string AbiVersion { get; }

    /// <summary>The contract's ABI.</summary>
    public ContractABI Abi { get; }

    /// <summary>Creation bytecode (init code), without constructor arguments.</summary>
    public ReadOnlySpan<byte> Bytecode => _bytecode;

    /// <summary>Runtime bytecode as the compiler emits it, with every immutable value zeroed.</summary>
    public ReadOnlySpan<byte> DeployedBytecode => _deployedBytecode;

    /// <summary>Where the runtime code holds immutables, which the constructor fills in.</summary>
    public IReadOnlyList<ImmutableReference> ImmutableReferences { get; }

    /// <summary>Loads an artifact embedded in this assembly, by contract name.</summary>
    /// <exception cref="ArgumentException">No artifact has that name.</exception>
    /// <exception cref="InvalidDataException">The artifact is malformed or its ABI version does not match its ABI (it was edited by hand).</exception>
    public static ContractArtifact LoadEmbedded(string contractName)
    {
        ArgumentNullException.ThrowIfNull(contractName);
        using var stream = typeof(ContractArtifact).Assembly.GetManifestResourceStream(ResourcePrefix + contractName + ".json")
            ?? throw new ArgumentException($"No artifact named '{contractName}' is embedded in Ledger.Contracts.", nameof(contractName));
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads an artifact in the format <c>scripts/export-artifacts.sh</c> writes.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed, a field is missing, or the ABI version does not match the ABI.</exception>
    public static ContractArtifact Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxArtifactBytes)
            throw new InvalidDataException($"An artifact is at most {MaxArtifactBytes} characters; this one has {json.Length}.");
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var name = RequiredString(root, "contractName");
            var abiElement = root.GetProperty("abi");
            var abiVersion = RequiredString(root, "abiVersion");
            var computed = ComputeAbiVersion(abiElement);
            if (!string.Equals(abiVersion, computed, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException(
                    $"Artifact {name} says ABI version {abiVersion} but its ABI hashes to {computed}: it was edited by hand. " +
                    "Regenerate it with scripts/export-artifacts.sh.");
            return new ContractArtifact(
                name,
                RequiredString(root, "source"),
                RequiredString(root, "compiler"),
                abiVersion,
                new ABIJsonDeserialiser().DeserialiseContract(abiElement.GetRawText()),
                DecodeHex(RequiredString(root, "bytecode")),
                DecodeHex(RequiredString(root, "deployedBytecode")),
                ReadImmutables(root.GetProperty("immutableReferences")));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException("The contract artifact is malformed: " + e.Message, e);
        }
    }

    /// <summary>
    /// The ABI version of an ABI JSON array: SHA-256 of its compact serialisation, the same bytes
    /// as JavaScript's <c>JSON.stringify(abi)</c> that the export script hashes.
    /// </summary>
    public static string ComputeAbiVersion(JsonElement abi)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            abi.WriteTo(writer);
        return "0x" + Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>
    /// Checks code read from a node (eth_getCode) against <see cref="DeployedBytecode"/>: every
    /// byte must match outside the immutables, and each immutable must hold the value
    /// <paramref name="immutableValue"/> gives for its position (null: any value).
    /// </summary>
    /// <returns>Null when the code matches, otherwise what differs.</returns>
    public string? DescribeCodeMismatch(ReadOnlySpan<byte> code, Func<ImmutableReference, byte[]>? immutableValue = null)
    {
        if (code.IsEmpty)
            return "there is no code at the address";
        if (code.Length != _deployedBytecode.Length)
            return $"the code is {code.Length} bytes, {Name} is {_deployedBytecode.Length}";
        var expected = _deployedBytecode.ToArray();
        foreach (var reference in ImmutableReferences)
        {
            var slot = expected.AsSpan(reference.Start, reference.Length);
            if (immutableValue is null)
                code.Slice(reference.Start, reference.Length).CopyTo(slot);
            else
                immutableValue(reference).CopyTo(slot);
        }
        var firstDifference = code.CommonPrefixLength(expected);
        return firstDifference == code.Length
            ? null
            : $"the code differs from {Name}'s runtime bytecode at byte {firstDifference}";
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Compiler}, ABI version {AbiVersion})";

    private static byte[] DecodeHex(string text) =>
        text.StartsWith("0x", StringComparison.Ordinal) ? Convert.FromHexString(text.AsSpan(2)) : throw new FormatException("Hex must start with \"0x\".");

    private static string RequiredString(JsonElement root, string property) =>
        root.GetProperty(property).GetString() is { Length: > 0 } value
            ? value
            : throw new InvalidDataException($"The artifact's \"{property}\" is empty.");

    private static IReadOnlyList<ImmutableReference> ReadImmutables(JsonElement array) =>
        array.EnumerateArray()
            .Select(item => new ImmutableReference(item.GetProperty("start").GetInt32(), item.GetProperty("length").GetInt32()))
            .ToArray();
}
