using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ledger.Network.Generation;

/// <summary>
/// The public facts of a network a newcomer needs to join it (registries.json): chain, where
/// the registries are, and which authorities run nodes. No key is in it.
/// </summary>
public sealed record PublishedNetwork
{
    /// <summary>Network name.</summary>
    [JsonPropertyName("network")]
    public required string Network { get; init; }

    /// <summary>Chain id.</summary>
    [JsonPropertyName("chainId")]
    public required ulong ChainId { get; init; }

    /// <summary>True for a devnet, whose keys are derived from a public seed.</summary>
    [JsonPropertyName("devnetOnly")]
    public bool DevnetOnly { get; init; }

    /// <summary>The AuthorityRegistry (QBFT's validator contract).</summary>
    [JsonPropertyName("authorityRegistry")]
    public required string AuthorityRegistry { get; init; }

    /// <summary>The PermitRegistry.</summary>
    [JsonPropertyName("permitRegistry")]
    public required string PermitRegistry { get; init; }

    /// <summary>The founding authorities (id, country, code, account, validator, agencies).</summary>
    [JsonPropertyName("authorities")]
    public required IReadOnlyList<PublishedAuthority> Authorities { get; init; }

    /// <summary>The two registry addresses.</summary>
    [JsonIgnore]
    public RegistryAddresses Addresses => new(AuthorityRegistry, PermitRegistry);

    /// <summary>Reads registries.json.</summary>
    /// <exception cref="InvalidDataException">Missing or not of this shape.</exception>
    public static PublishedNetwork Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<PublishedNetwork>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"'{path}' is empty.");
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new InvalidDataException($"'{path}' is not a network's registries.json: {e.Message}", e);
        }
    }
}

/// <summary>One founding authority as published.</summary>
public sealed record PublishedAuthority
{
    /// <summary>Its id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Its country.</summary>
    [JsonPropertyName("country")]
    public required string Country { get; init; }

    /// <summary>Its account.</summary>
    [JsonPropertyName("account")]
    public required string Account { get; init; }

    /// <summary>Its validator node's address.</summary>
    [JsonPropertyName("validator")]
    public required string Validator { get; init; }

    /// <summary>The agencies it designated at genesis.</summary>
    [JsonPropertyName("agencies")]
    public IReadOnlyList<PublishedAgency> Agencies { get; init; } = [];
}

/// <summary>An agency designated at genesis, as published.</summary>
public sealed record PublishedAgency
{
    /// <summary>Its id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Its account.</summary>
    [JsonPropertyName("account")]
    public required string Account { get; init; }
}
