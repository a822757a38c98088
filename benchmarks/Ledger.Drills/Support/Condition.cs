namespace Ledger.Drills.Support;

/// <summary>Awaits a condition instead of sleeping for a guessed time.</summary>
internal static class Condition
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// <summary>True once <paramref name="holds"/> is true; false when it still is not after <paramref name="timeout"/>.</summary>
    public static async Task<bool> WithinAsync(Func<Task<bool>> holds, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var giveUpAt = DateTime.UtcNow + timeout;
        while (!await holds())
        {
            if (DateTime.UtcNow > giveUpAt)
                return false;
            await Task.Delay(Poll, cancellationToken);
        }
        return true;
    }

    /// <inheritdoc cref="WithinAsync(Func{Task{bool}}, TimeSpan, CancellationToken)"/>
    public static Task<bool> WithinAsync(Func<bool> holds, TimeSpan timeout, CancellationToken cancellationToken) =>
        WithinAsync(() => Task.FromResult(holds()), timeout, cancellationToken);

    /// <summary>As <see cref="WithinAsync(Func{bool}, TimeSpan, CancellationToken)"/>, but a drill cannot go on without it: throws naming <paramref name="what"/>.</summary>
    public static async Task MustAsync(Func<Task<bool>> holds, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        if (!await WithinAsync(holds, timeout, cancellationToken))
            throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.");
    }
}
