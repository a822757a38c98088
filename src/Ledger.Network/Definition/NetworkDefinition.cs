using System.Text.Json.Serialization;

namespace Ledger.Network.Definition;

/// <summary>
/// One Permit Ledger network as its founders agree on it (chain-config/network.json): the chain,
/// the QBFT timing, and the founding authorities, each an issuer with its validator node and
/// its own country's agencies. Everything else in chain-config/ is generated from this.
/// </summary>
public sealed record NetworkDefinition
{
    /// <summary>Short name of the network, used in file names and banners.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>EIP-155 chain id; must differ from every public chain the keys are also used on.</summary>
    [JsonPropertyName("chainId")]
    public required ulong ChainId { get; init; }

    /// <summary>QBFT: seconds between blocks.</summary>
    [JsonPropertyName("blockPeriodSeconds")]
    public int BlockPeriodSeconds { get; init; } = 2;

    /// <summary>QBFT: blocks per epoch (votes reset at each epoch boundary).</summary>
    [JsonPropertyName("epochLength")]
    public int EpochLength { get; init; } = 30_000;

    /// <summary>QBFT: seconds a round waits for a proposal before a round change (doubles each round).</summary>
    [JsonPropertyName("requestTimeoutSeconds")]
    public int RequestTimeoutSeconds { get; init; } = 4;

    /// <summary>
    /// When set, every key is derived from this seed and the network is a devnet: its keys are
    /// public by construction and must never hold anything of value. Null for a real network,
    /// whose keys are drawn at random and each kept only by its authority.
    /// </summary>
    [JsonPropertyName("devnetSeed")]
    public string? DevnetSeed { get; init; }

    /// <summary>The founding authorities, in a fixed order (it decides admission order on chain).</summary>
    [JsonPropertyName("authorities")]
    public required IReadOnlyList<AuthorityDefinition> Authorities { get; init; }

    /// <summary>True when keys are derived from <see cref="DevnetSeed"/>.</summary>
    [JsonIgnore]
    public bool IsDevnet => DevnetSeed is not null;
}

/// <summary>
/// A founding issuer (CITES Management Authority or NPPO): its country, on-chain code, the
/// validator node it runs, the agencies of its country it designates, and where its gateway
/// listens on a one-machine devnet.
/// </summary>
public sealed record AuthorityDefinition
{
    /// <summary>Short identifier, lower case (e.g. "ch"): names its folder and its officers' identities.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    [JsonPropertyName("country")]
    public required string Country { get; init; }

    /// <summary>Code registered on chain (1 to 32 printable ASCII characters).</summary>
    [JsonPropertyName("code")]
    public required string Code { get; init; }

    /// <summary>The gateway's port on a one-machine devnet (each authority its own).</summary>
    [JsonPropertyName("gatewayPort")]
    public int GatewayPort { get; init; }

    /// <summary>Agencies of the same country the issuer designates (customs, scientific authority, single window).</summary>
    [JsonPropertyName("agencies")]
    public IReadOnlyList<AgencyDefinition> Agencies { get; init; } = [];
}

/// <summary>An agency an issuer designates for its own country.</summary>
public sealed record AgencyDefinition
{
    /// <summary>Short identifier, lower case, unique in the network (e.g. "ch-customs").</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>What it is.</summary>
    [JsonPropertyName("kind")]
    public required AgencyKind Kind { get; init; }

    /// <summary>Code registered on chain (1 to 32 printable ASCII characters).</summary>
    [JsonPropertyName("code")]
    public required string Code { get; init; }
}

/// <summary>The kinds of agency an issuer designates without a vote (the contract's AuthorityKind 2 to 4).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgencyKind>))]
public enum AgencyKind
{
    /// <summary>Border control: records and confirms shipments.</summary>
    Customs = 2,

    /// <summary>CITES Scientific Authority.</summary>
    ScientificAuthority = 3,

    /// <summary>National single-window operator.</summary>
    SingleWindow = 4,
}
