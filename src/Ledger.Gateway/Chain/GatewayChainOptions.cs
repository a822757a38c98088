namespace Ledger.Gateway.Chain;

/// <summary>
/// Where the chain is and which keys this gateway signs with (configuration section <c>Chain</c>).
/// The contracts are named either by their addresses or by the deployment record a deployer
/// wrote; explicit addresses win over the file.
/// </summary>
public sealed class GatewayChainOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Chain";

    /// <summary>JSON-RPC endpoints of the nodes, in order of preference (failover pool); at least one.</summary>
    public List<string> RpcUrls { get; set; } = [];

    /// <summary>
    /// The operator's declaration that the <c>http://</c> entries of <see cref="RpcUrls"/> to other
    /// machines run over a private network only this authority's own machines share. Without it a
    /// Production gateway refuses them: whoever sits on a plain link can forge the node's answers.
    /// The startup log warns once for each link so declared. Devnet mode ignores it.
    /// </summary>
    public bool AllowPlaintextRpcOnPrivateNetwork { get; set; }

    /// <summary>Address of the PermitRegistry contract (0x + 40 hex), or empty to take it from <see cref="DeploymentRecordFile"/>.</summary>
    public string? PermitRegistry { get; set; }

    /// <summary>Address of the AuthorityRegistry contract (0x + 40 hex), or empty to take it from <see cref="DeploymentRecordFile"/>.</summary>
    public string? AuthorityRegistry { get; set; }

    /// <summary>Path of the deployment record (JSON with <c>permitRegistry</c> and <c>authorityRegistry</c>) written when the contracts were deployed.</summary>
    public string? DeploymentRecordFile { get; set; }

    /// <summary>
    /// Blocks required on top of a transaction's or event's block before it counts (0 on QBFT,
    /// where a sealed block is final). The follower stays this many blocks behind the head.
    /// </summary>
    public int Confirmations { get; set; }

    /// <summary>
    /// The priority fee (wei) of every transaction; null asks the node (eth_maxPriorityFeePerGas).
    /// 0 on a zero-base-fee network (Besu zeroBaseFee, the devnet's anvil), where authorities hold no ether.
    /// </summary>
    public ulong? MaxPriorityFeePerGas { get; set; }

    /// <summary>The authority keys this gateway signs with, one per national agency it acts for.</summary>
    public List<KeystoreEntryOptions> Keystores { get; set; } = [];

    /// <summary>
    /// How often the event follower asks the node for new blocks (one eth_blockNumber when nothing is
    /// new). Another authority's new permit is visible here at most this long after its block (a
    /// cached "unknown" answer lasts until then); the default of 100 ms keeps register-to-visible
    /// within one block period + 100 ms, the product's goal.
    /// </summary>
    public TimeSpan FollowerPollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>First block the follower and history read when there is no checkpoint yet; 0 = the deployment block of the record (or block 0).</summary>
    public ulong FollowerStartBlock { get; set; }

    /// <summary>How often a sender polls for a receipt while waiting.</summary>
    public TimeSpan ReceiptPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a write waits for its transaction to be mined before answering UNAVAILABLE.</summary>
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Tests only: let one gateway hold keys of several countries' authorities (an integration
    /// fixture that plays every country through one gateway). Never set it in Devnet or
    /// Production settings: a gateway signs only for its own authority and its agencies, and
    /// <see cref="KeyringAuthorityCheck"/> refuses to start otherwise.
    /// </summary>
    public bool TestOnlyAllowKeysOfSeveralCountries { get; set; }
}
