namespace Ledger.Gateway.Health;

/// <summary>What the node and follower health checks expect (configuration section <c>Health:Node</c>).</summary>
public sealed class NodeHealthOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Health:Node";

    /// <summary>The chain's block period (QBFT <c>blockperiodseconds</c>; anvil's <c>--block-time</c>).</summary>
    public TimeSpan BlockPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The head is stale (Degraded) when older than this many block periods.</summary>
    public int StaleAfterBlocks { get; set; } = 10;

    /// <summary>The follower is behind (Degraded) when more than this many blocks behind the head.</summary>
    public int FollowerMaxLagBlocks { get; set; } = 50;

    /// <summary>How long a probe may wait for a node before the check calls it unreachable.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often the node is probed in the background for the metrics gauges.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The head age beyond which the chain is considered stalled.</summary>
    public TimeSpan MaxHeadAge => BlockPeriod * StaleAfterBlocks;
}
