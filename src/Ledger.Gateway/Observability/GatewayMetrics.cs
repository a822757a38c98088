using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ledger.Gateway.Observability;

/// <summary>
/// The gateway's own instruments (meter <see cref="MeterName"/>), exported on <c>/metrics</c>
/// in Prometheus form: RPCs per method and status with their latency, writes per outcome,
/// verification cache lookups and hit ratio, follower lag and node endpoint state.
/// </summary>
public sealed class GatewayMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Ledger.Gateway";

    private static readonly KeyValuePair<string, object?> HitTag = new("result", "hit");
    private static readonly KeyValuePair<string, object?> MissTag = new("result", "miss");

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _writes;
    private readonly Counter<long> _cacheLookups;
    private long _cacheHits;
    private long _cacheMisses;

    /// <summary>Creates the instruments; <paramref name="node"/> supplies the chain-side gauges.</summary>
    public GatewayMetrics(IMeterFactory meters, NodeStatusSnapshot node)
    {
        _meter = meters.Create(MeterName);
        _requests = _meter.CreateCounter<long>("ledger.rpc.requests", "{request}", "RPCs answered, by method and gRPC status.");
        _duration = _meter.CreateHistogram<double>("ledger.rpc.duration", "s", "Time to answer an RPC, by method and gRPC status.");
        _writes = _meter.CreateCounter<long>("ledger.writes", "{write}", "Writes by action and outcome (succeeded, refused, rejected, failed).");
        _cacheLookups = _meter.CreateCounter<long>("ledger.verification_cache.lookups", "{lookup}", "Verification cache lookups by result (hit, miss).");
        _meter.CreateObservableGauge("ledger.verification_cache.hit_ratio", HitRatio, "1", "Share of verification cache lookups that hit, since start.");
        _meter.CreateObservableGauge("ledger.follower.lag", () => node.Current?.FollowerLagBlocks is { } lag ? [new Measurement<long>(lag)] : Array.Empty<Measurement<long>>(),
            "{block}", "Blocks between the node's head and the last block the event follower applied.");
        _meter.CreateObservableGauge("ledger.node.head_age", () => node.Current is { } status ? [new Measurement<double>(status.HeadAge.TotalSeconds)] : Array.Empty<Measurement<double>>(),
            "s", "Age of the newest block the node has.");
        _meter.CreateObservableGauge("ledger.node.endpoint.up", EndpointStates, "1", "1 when the node endpoint answers, 0 while it is marked down.");
        Node = node;
    }

    private NodeStatusSnapshot Node { get; }

    /// <summary>One RPC answered.</summary>
    public void RecordRequest(string method, string status, TimeSpan elapsed)
    {
        // A TagList holds its tags inline: no array per call.
        var labels = new TagList { { "rpc.method", method }, { "grpc.status", status } };
        _requests.Add(1, labels);
        _duration.Record(elapsed.TotalSeconds, labels);
    }

    /// <summary>One write finished with <paramref name="outcome"/> (see <see cref="AuditOutcome"/>).</summary>
    public void RecordWrite(string action, string outcome) =>
        _writes.Add(1, new KeyValuePair<string, object?>("action", action), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>One verification cache lookup.</summary>
    public void RecordCacheLookup(bool hit)
    {
        Interlocked.Increment(ref hit ? ref _cacheHits : ref _cacheMisses);
        _cacheLookups.Add(1, hit ? HitTag : MissTag);
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<double>> HitRatio()
    {
        var hits = Interlocked.Read(ref _cacheHits);
        var total = hits + Interlocked.Read(ref _cacheMisses);
        return total == 0 ? [] : [new Measurement<double>((double)hits / total)];
    }

    private IEnumerable<Measurement<int>> EndpointStates() =>
        Node.Endpoints.Select(e => new Measurement<int>(e.IsUp ? 1 : 0, new KeyValuePair<string, object?>("endpoint", e.Name)));
}
