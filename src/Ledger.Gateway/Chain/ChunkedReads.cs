namespace Ledger.Gateway.Chain;

/// <summary>
/// Reads many keys in calls of at most a given size, with at most a given number of calls in
/// flight, and puts the answers back in key order: the one place that splits a large read,
/// so that no caller fans out without limit.
/// </summary>
internal static class ChunkedReads
{
    /// <summary>
    /// The answers to <paramref name="keys"/> in their order, read by <paramref name="read"/> in
    /// calls of at most <paramref name="chunkSize"/> keys, at most <paramref name="maxInFlight"/>
    /// at once. One chunk is read directly (the common case: no scheduling around one call).
    /// </summary>
    /// <exception cref="InvalidOperationException">A call answered another number of values than it was given keys.</exception>
    public static async Task<IReadOnlyList<TValue>> ReadAsync<TKey, TValue>(IReadOnlyList<TKey> keys, int chunkSize, int maxInFlight,
        Func<TKey[], CancellationToken, Task<IReadOnlyList<TValue>>> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        if (keys.Count == 0)
            return [];
        var chunks = keys.Chunk(chunkSize).ToArray();
        if (chunks.Length == 1)
            return Checked(chunks[0], await read(chunks[0], ct).ConfigureAwait(false));
        var answers = new IReadOnlyList<TValue>[chunks.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, chunks.Length), new ParallelOptions { MaxDegreeOfParallelism = maxInFlight, CancellationToken = ct },
            async (i, token) => answers[i] = Checked(chunks[i], await read(chunks[i], token).ConfigureAwait(false))).ConfigureAwait(false);
        return answers.SelectMany(answer => answer).ToArray();
    }

    private static IReadOnlyList<TValue> Checked<TKey, TValue>(TKey[] chunk, IReadOnlyList<TValue> answer) =>
        answer.Count == chunk.Length
            ? answer
            : throw new InvalidOperationException($"A read of {chunk.Length} keys answered {answer.Count} values.");
}
