namespace Ledger.Gateway.Observability;

/// <summary>What a probe of the node found.</summary>
/// <param name="HeadBlock">The newest block's number.</param>
/// <param name="HeadAge">How old the newest block is.</param>
/// <param name="FollowerLagBlocks">Blocks between the head and the follower's last applied block; null before the follower applied any.</param>
/// <param name="Endpoints">The state of every configured node endpoint.</param>
public sealed record NodeStatus(ulong HeadBlock, TimeSpan HeadAge, long? FollowerLagBlocks, IReadOnlyList<NodeEndpointState> Endpoints);

/// <summary>One node endpoint as the gateway's pool sees it.</summary>
/// <param name="Name">The endpoint's redacted name (scheme, host, port).</param>
/// <param name="IsUp">False while the pool marks it down after a transport failure.</param>
public sealed record NodeEndpointState(string Name, bool IsUp);

/// <summary>
/// Asks the node how it is. A small gateway-side seam: only its implementation knows the
/// chain client, so replacing the client changes one class.
/// </summary>
public interface INodeStatusSource
{
    /// <summary>Probes the node now.</summary>
    /// <exception cref="Exception">No node answered (the chain client's transport error).</exception>
    Task<NodeStatus> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>The endpoints' states as last seen, without probing.</summary>
    IReadOnlyList<NodeEndpointState> Endpoints { get; }
}

/// <summary>The latest successful probe, for the metrics gauges (which may not block on the node).</summary>
public sealed class NodeStatusSnapshot
{
    private NodeStatus? _current;
    private IReadOnlyList<NodeEndpointState> _endpoints = [];

    /// <summary>The latest successful probe's result, or null before the first.</summary>
    public NodeStatus? Current => Volatile.Read(ref _current);

    /// <summary>The endpoints' states after the latest probe, successful or not.</summary>
    public IReadOnlyList<NodeEndpointState> Endpoints => Volatile.Read(ref _endpoints);

    /// <summary>Keeps <paramref name="status"/> as the latest.</summary>
    public void Update(NodeStatus status)
    {
        Volatile.Write(ref _current, status);
        Volatile.Write(ref _endpoints, status.Endpoints);
    }

    /// <summary>Keeps the endpoint states a failed probe left.</summary>
    public void UpdateEndpoints(IReadOnlyList<NodeEndpointState> endpoints) => Volatile.Write(ref _endpoints, endpoints);
}
