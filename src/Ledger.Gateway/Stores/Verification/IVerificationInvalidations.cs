namespace Ledger.Gateway.Stores;

/// <summary>
/// How the replicas of one authority's gateway tell each other that a cached verification is
/// stale. Delivery is at most once, so a listener may trust what it holds only while
/// <see cref="IsLive"/>; every time that drops, <see cref="Evicted"/> names no key (evict everything).
/// </summary>
public interface IVerificationInvalidations
{
    /// <summary>True while invalidations from every replica are certainly being received.</summary>
    bool IsLive { get; }

    /// <summary>A permit key to evict, or null for everything (the subscription went down or came back).</summary>
    event Action<string?>? Evicted;

    /// <summary>Tells every replica (this one included) that <paramref name="permitKeys"/> changed, in one message; never throws for a store outage.</summary>
    /// <param name="permitKeys">Normalised permit keys.</param>
    Task PublishAsync(IReadOnlyCollection<string> permitKeys);
}
