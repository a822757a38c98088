using System.Diagnostics.CodeAnalysis;
using Ledger.Core.Errors;
using Ledger.Core.Primitives;
using static System.FormattableString;

namespace Ledger.Core.Permits;

/// <summary>
/// When a permit may be used: from <see cref="From"/> (inclusive) until
/// <see cref="Until"/> (exclusive), whole seconds in UTC. On chain both are <c>uint40</c>
/// unix seconds and <c>From &lt; Until</c>.
/// </summary>
public sealed record ValidityWindow
{
    /// <summary>Largest <c>uint40</c>, the contracts' limit for a timestamp.</summary>
    public const ulong MaxUnixSeconds = (1UL << 40) - 1;

    // DateTimeOffset ends in the year 9999, well below the uint40 limit, so this is the
    // effective bound for values read back from chain.
    private static readonly long LatestRepresentable = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private ValidityWindow(long fromUnixSeconds, long untilUnixSeconds)
    {
        FromUnixSeconds = (ulong)fromUnixSeconds;
        UntilUnixSeconds = (ulong)untilUnixSeconds;
        From = DateTimeOffset.FromUnixTimeSeconds(fromUnixSeconds);
        Until = DateTimeOffset.FromUnixTimeSeconds(untilUnixSeconds);
    }

    /// <summary>First moment of validity (inclusive), UTC.</summary>
    public DateTimeOffset From { get; }

    /// <summary>First moment the permit is no longer valid (exclusive), UTC.</summary>
    public DateTimeOffset Until { get; }

    /// <summary><see cref="From"/> as unix seconds, the on-chain <c>validFrom</c>.</summary>
    public ulong FromUnixSeconds { get; }

    /// <summary><see cref="Until"/> as unix seconds, the on-chain <c>validUntil</c>.</summary>
    public ulong UntilUnixSeconds { get; }

    /// <summary>How long the window is.</summary>
    public TimeSpan Length => Until - From;

    /// <summary>True when <paramref name="now"/> is before <see cref="From"/>.</summary>
    public bool IsNotYetValidAt(DateTimeOffset now) => now < From;

    /// <summary>True when <paramref name="now"/> is at or after <see cref="Until"/>.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => now >= Until;

    /// <summary>True when <paramref name="now"/> lies inside the window.</summary>
    public bool Contains(DateTimeOffset now) => !IsNotYetValidAt(now) && !IsExpiredAt(now);

    /// <summary>
    /// Checks a window given by a person: both ends whole seconds, not before 1970, and
    /// <paramref name="from"/> before <paramref name="until"/>. Problems name the fields
    /// <c>validFrom</c> and <c>validUntil</c>.
    /// </summary>
    public static bool TryCreate(
        DateTimeOffset from, DateTimeOffset until, [NotNullWhen(true)] out ValidityWindow? window, out IReadOnlyList<ValidationProblem> problems)
    {
        var found = new List<ValidationProblem>();
        CheckTimestamp("validFrom", from, found);
        CheckTimestamp("validUntil", until, found);
        if (from >= until)
            found.Add(new("validUntil", Invariant($"must be after validFrom ({UtcText.Format(from)}); the window is from-inclusive, until-exclusive")));
        problems = found;
        window = found.Count == 0 ? new ValidityWindow(from.ToUnixTimeSeconds(), until.ToUnixTimeSeconds()) : null;
        return window is not null;
    }

    /// <summary>The window as stored on chain (unix seconds).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the values break the on-chain invariants.</exception>
    public static ValidityWindow FromChain(ulong validFrom, ulong validUntil)
    {
        if (validUntil > (ulong)LatestRepresentable)
            throw new ArgumentOutOfRangeException(nameof(validUntil), validUntil, "Timestamp beyond the year 9999.");
        if (validFrom >= validUntil)
            throw new ArgumentOutOfRangeException(nameof(validFrom), validFrom, "validFrom must be before validUntil.");
        return new ValidityWindow((long)validFrom, (long)validUntil);
    }

    /// <summary>"2026-01-01 00:00:00 UTC to 2026-07-01 00:00:00 UTC".</summary>
    public override string ToString() => $"{UtcText.Format(From)} to {UtcText.Format(Until)}";

    private static void CheckTimestamp(string field, DateTimeOffset value, List<ValidationProblem> problems)
    {
        if (value.ToUnixTimeSeconds() < 0)
            problems.Add(new(field, "must not be before 1970-01-01 (unix time 0)"));
        else if (value.UtcTicks % TimeSpan.TicksPerSecond != 0)
            problems.Add(new(field, "must be a whole number of seconds (the ledger stores seconds)"));
    }
}
