using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ledger.Network.ContainerTests.Support;

/// <summary>The repository's files the container tests start the network from: chain-config/ and docker-compose.yml.</summary>
public static partial class RepositoryFiles
{
    /// <summary>The repository root (the folder holding Ledger.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>chain-config/.</summary>
    public static string ChainConfig => Path.Combine(Root, "chain-config");

    /// <summary>Null when chain-config/ holds a generated network; otherwise what is missing.</summary>
    public static string? MissingChainConfigReason =>
        File.Exists(Path.Combine(ChainConfig, "genesis.json")) && File.Exists(Path.Combine(ChainConfig, "tls", "ca.crt"))
            ? null
            : "chain-config/ is not generated yet (no genesis.json or tls/ca.crt): run `dotnet run --project src/Ledger.Cli -- network generate` first.";

    /// <summary>The Besu image docker-compose.yml pins, so that the tests and the compose file run the same version.</summary>
    public static string BesuImage()
    {
        var match = BesuImagePattern().Match(File.ReadAllText(Path.Combine(Root, "docker-compose.yml")));
        return match.Success ? match.Groups[1].Value : throw new InvalidDataException("docker-compose.yml names no hyperledger/besu image.");
    }

    /// <summary>The Redis image docker-compose.yml pins.</summary>
    public static string RedisImage()
    {
        var match = RedisImagePattern().Match(File.ReadAllText(Path.Combine(Root, "docker-compose.yml")));
        return match.Success ? match.Groups[1].Value : throw new InvalidDataException("docker-compose.yml names no redis image.");
    }

    /// <summary>The founding authorities' ids, countries and block period, from chain-config/network.json.</summary>
    public static (IReadOnlyList<(string Id, string Country)> Authorities, TimeSpan BlockPeriod) Network()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ChainConfig, "network.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        var authorities = root.GetProperty("authorities").EnumerateArray()
            .Select(a => (a.GetProperty("id").GetString()!, a.GetProperty("country").GetString()!)).ToArray();
        return (authorities, TimeSpan.FromSeconds(root.GetProperty("blockPeriodSeconds").GetInt32()));
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Ledger.sln")))
                return folder.FullName;
        }
        throw new DirectoryNotFoundException("Ledger.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"image:\s*(hyperledger/besu:[^\s]+)")]
    private static partial Regex BesuImagePattern();

    [GeneratedRegex(@"image:\s*(redis:[^\s]+)")]
    private static partial Regex RedisImagePattern();
}
