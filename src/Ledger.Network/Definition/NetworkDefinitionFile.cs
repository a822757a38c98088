using System.Text.Json;

namespace Ledger.Network.Definition;

/// <summary>Reads and checks chain-config/network.json.</summary>
public static class NetworkDefinitionFile
{
    /// <summary>Largest definition file read (a network of a few hundred authorities is far smaller).</summary>
    public const int MaxBytes = 1 << 20;

    private static readonly JsonSerializerOptions Json = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads a definition and checks it; the exception lists every problem found.</summary>
    /// <exception cref="NetworkDefinitionException">The file is missing, too large, not JSON of this shape, or breaks a rule.</exception>
    public static NetworkDefinition Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new NetworkDefinitionException($"There is no network definition at '{path}'.");
        if (info.Length > MaxBytes)
            throw new NetworkDefinitionException($"'{path}' is {info.Length} bytes; a network definition is at most {MaxBytes}.");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and checks a definition given as text; <paramref name="source"/> names it in messages.</summary>
    public static NetworkDefinition Parse(string json, string source = "network definition")
    {
        NetworkDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<NetworkDefinition>(json, Json);
        }
        catch (JsonException e)
        {
            throw new NetworkDefinitionException($"{source} is not a valid network definition: {e.Message}");
        }
        if (definition is null)
            throw new NetworkDefinitionException($"{source} is empty.");
        var problems = NetworkDefinitionRules.Check(definition);
        if (problems.Count > 0)
            throw new NetworkDefinitionException($"{source} breaks {problems.Count} rule(s):{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", problems));
        return definition;
    }
}

/// <summary>A network definition that cannot be used, with every reason.</summary>
public sealed class NetworkDefinitionException(string message) : Exception(message);
