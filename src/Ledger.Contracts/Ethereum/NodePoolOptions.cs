namespace Ledger.Contracts.Ethereum;

/// <summary>How a <see cref="NodePool"/> backs off from an endpoint that failed.</summary>
public sealed record NodePoolOptions
{
    /// <summary>Back-off after the first failure; doubles with each further failure.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one HTTP request to a node may take before it counts as a transport failure.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (InitialBackoff <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(InitialBackoff), InitialBackoff, "The back-off must be positive.");
        if (MaxBackoff < InitialBackoff)
            throw new ArgumentOutOfRangeException(nameof(MaxBackoff), MaxBackoff, "The back-off ceiling must not be below the initial back-off.");
        if (RequestTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "The request timeout must be positive.");
    }

    /// <summary>The back-off after <paramref name="consecutiveFailures"/> failures in a row.</summary>
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
