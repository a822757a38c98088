namespace Ledger.Drills.Support;

/// <summary>
/// Writes sent by a fixed number of concurrent clients, each taking the next write when its
/// last one ended; a drill watches <see cref="Finished"/> to strike while writes are in flight.
/// </summary>
internal sealed class ShipmentLoad(IReadOnlyList<ShipmentWrite> writes, int clients, TimeSpan attemptTimeout, TimeSpan patience)
{
    private int _next = -1;
    private int _finished;

    /// <summary>Writes that have ended (succeeded, refused or given up).</summary>
    public int Finished => Volatile.Read(ref _finished);

    /// <summary>The writes, in the order they are taken.</summary>
    public IReadOnlyList<ShipmentWrite> Writes => writes;

    /// <summary>Runs every write; the outcomes in the order of <see cref="Writes"/>.</summary>
    public async Task<WriteOutcome[]> RunAsync(CancellationToken cancellationToken)
    {
        var outcomes = new WriteOutcome[writes.Count];
        await Task.WhenAll(Enumerable.Range(0, Math.Min(clients, writes.Count)).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref _next); i < writes.Count; i = Interlocked.Increment(ref _next))
            {
                outcomes[i] = await writes[i].SendAsync(attemptTimeout, patience, cancellationToken);
                Interlocked.Increment(ref _finished);
            }
        }, cancellationToken)));
        return outcomes;
    }
}
