using System.Threading.RateLimiting;

namespace Ledger.Gateway.Hosting;

/// <summary>One layer of a <see cref="LayeredRateLimiter"/>: its name (recorded when it refuses) and its partitioned limiter.</summary>
/// <param name="Name">What the layer limits, e.g. "official".</param>
/// <param name="Limiter">The partitioned limiter (a partition per official, per authority, ...).</param>
public sealed record RateLimitLayer(string Name, PartitionedRateLimiter<HttpContext> Limiter);

/// <summary>
/// Several partitioned limiters asked in order, a request passing only if every one admits it.
/// Unlike <see cref="PartitionedRateLimiter.CreateChained{TResource}"/> it records which layer
/// refused (<see cref="RefusedLayer"/>), so the caller is told which limit to wait for or have
/// raised, and a refused request takes nothing from any layer: every layer's available permits
/// are looked at before any is taken. So an official over their own limit does not use up their
/// authority's shared allowance, and an official refused by the authority's ceiling does not lose
/// their own tokens (ASP.NET Core's middleware asks a refusing global limiter twice, once
/// synchronously and once asynchronously, which would otherwise take them twice).
/// </summary>
public sealed class LayeredRateLimiter(IReadOnlyList<RateLimitLayer> layers) : PartitionedRateLimiter<HttpContext>
{
    private const string RefusedLayerKey = "ledger.rate-limit.refused-layer";

    /// <summary>The name of the layer that refused <paramref name="context"/>'s request, or null.</summary>
    public static string? RefusedLayer(HttpContext context) =>
        context.Items.TryGetValue(RefusedLayerKey, out var name) ? name as string : null;

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        if (Short(resource, permitCount) is { } refusal)
            return refusal;
        var acquired = new List<RateLimitLease>(layers.Count);
        foreach (var layer in layers)
        {
            var lease = layer.Limiter.AttemptAcquire(resource, permitCount);
            if (Refused(resource, layer, lease, acquired))
                return lease;
            acquired.Add(lease);
        }
        return new LayeredLease(acquired);
    }

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        if (Short(resource, permitCount) is { } refusal)
            return refusal;
        var acquired = new List<RateLimitLease>(layers.Count);
        foreach (var layer in layers)
        {
            var lease = await layer.Limiter.AcquireAsync(resource, permitCount, cancellationToken).ConfigureAwait(false);
            if (Refused(resource, layer, lease, acquired))
                return lease;
            acquired.Add(lease);
        }
        return new LayeredLease(acquired);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var layer in layers)
                layer.Limiter.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>
    /// The refusal of the first layer without <paramref name="permitCount"/> permits available
    /// (a failed attempt, which takes nothing and carries the layer's Retry-After), or null when
    /// every layer has them. Between this look and the taking another request may take the last
    /// permit; then the taking refuses, as a plain chain would.
    /// </summary>
    private RateLimitLease? Short(HttpContext resource, int permitCount)
    {
        foreach (var layer in layers)
        {
            if (layer.Limiter.GetStatistics(resource) is not { } statistics || statistics.CurrentAvailablePermits >= permitCount)
                continue;
            var lease = layer.Limiter.AttemptAcquire(resource, permitCount);
            if (Refused(resource, layer, lease, []))
                return lease;
            lease.Dispose(); // refilled meanwhile (that permit is spent: a token bucket keeps it); the taking below asks again
        }
        return null;
    }

    private static bool Refused(HttpContext resource, RateLimitLayer layer, RateLimitLease lease, List<RateLimitLease> acquired)
    {
        if (lease.IsAcquired)
            return false;
        resource.Items[RefusedLayerKey] = layer.Name;
        foreach (var earlier in acquired)
            earlier.Dispose();
        return true;
    }

    /// <summary>The leases of every layer, released together.</summary>
    private sealed class LayeredLease(IReadOnlyList<RateLimitLease> leases) : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => leases.SelectMany(l => l.MetadataNames).Distinct();

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            foreach (var lease in leases)
            {
                if (lease.TryGetMetadata(metadataName, out metadata))
                    return true;
            }
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                foreach (var lease in leases)
                    lease.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
