using System.Globalization;
using Ledger.Contracts.Ethereum;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Stores;

/// <summary>
/// When a nonce lease trusts the next nonce the previous holder left (<see cref="NonceHandover"/>):
/// only while the node's count it was carried on from is younger than
/// <see cref="StoreOptions.NonceRecountInterval"/>, so that a node that lost pending transactions
/// (a restart) leaves a gap for that long at most; and never across a store outage, in which
/// replicas sent without seeing each other's nonces. Also the handover's text form in Redis.
/// </summary>
public sealed class NonceHandoverPolicy(IOptions<StoreOptions> options, TimeProvider time)
{
    private readonly TimeSpan _recountInterval = options.Value.NonceRecountInterval;

    /// <summary>How long a handover may be kept at all.</summary>
    public TimeSpan RecountInterval => _recountInterval;

    /// <summary>The handover if it may be trusted now, else null.</summary>
    /// <param name="handover">What the previous holder left.</param>
    /// <param name="notCountedBefore">A handover counted before this (e.g. the last store outage) is not trusted.</param>
    public NonceHandover? Trusted(NonceHandover? handover, DateTimeOffset notCountedBefore) =>
        handover is not null && handover.CountedAt > notCountedBefore && time.GetUtcNow() - handover.CountedAt < _recountInterval
            ? handover
            : null;

    /// <summary>The handover as Redis keeps it: "next:countedAtUnixMilliseconds".</summary>
    public static string Format(NonceHandover handover)
    {
        ArgumentNullException.ThrowIfNull(handover);
        return string.Create(CultureInfo.InvariantCulture, $"{handover.Next}:{handover.CountedAt.ToUnixTimeMilliseconds()}");
    }

    /// <summary>Parses <see cref="Format"/>; null for anything else (a value the lease cannot vouch for is not used).</summary>
    public static NonceHandover? Parse(string? text)
    {
        var parts = text?.Split(':');
        return parts is { Length: 2 }
            && ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var next)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var counted)
            && counted <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
                ? new NonceHandover(next, DateTimeOffset.FromUnixTimeMilliseconds(counted))
                : null;
    }
}
