namespace Ledger.Chain.Rpc;

/// <summary>How an <see cref="RpcEndpointPool"/> backs off from failed endpoints.</summary>
public sealed record RpcEndpointPoolOptions
{
    /// <summary>Wait before trying an endpoint again after its first failure. Default 1 s.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Ceiling of the doubling back-off. Default 60 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Options of the per-endpoint clients the pool creates from URLs.</summary>
    public JsonRpcClientOptions Client { get; init; } = new();

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        if (InitialBackoff <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(InitialBackoff), InitialBackoff, "The back-off must be positive.");
        if (MaxBackoff < InitialBackoff)
            throw new ArgumentOutOfRangeException(nameof(MaxBackoff), MaxBackoff, "The back-off ceiling must not be below the initial back-off.");
        ArgumentNullException.ThrowIfNull(Client, nameof(Client));
        Client.Validate();
    }

    /// <summary>The back-off after <paramref name="consecutiveFailures"/> failures in a row: doubling, capped.</summary>
    public TimeSpan BackoffAfter(int consecutiveFailures)
    {
        if (consecutiveFailures <= 0)
            return TimeSpan.Zero;
        // Past 2^30 the doubling has long passed any sensible ceiling; stop before the ticks overflow.
        var doublings = Math.Min(consecutiveFailures - 1, 30);
        var ticks = Math.Min((double)InitialBackoff.Ticks * Math.Pow(2, doublings), MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
