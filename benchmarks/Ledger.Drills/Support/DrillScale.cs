namespace Ledger.Drills.Support;

/// <summary>The counts of a run: issue 13's in full, smaller for the quick smoke run.</summary>
/// <param name="Writes">Shipments written through each fault (Redis, node).</param>
/// <param name="Clients">Concurrent clients sending them.</param>
/// <param name="InFlight">Writes held between sending and receipt when the gateway is killed.</param>
/// <param name="RaceAttempts">Concurrent shipment attempts in the race.</param>
/// <param name="RacePermits">Single-use permits they race for.</param>
/// <param name="AttemptTimeout">Deadline of one call.</param>
/// <param name="Patience">How long a client keeps retrying one write.</param>
internal sealed record DrillScale(int Writes, int Clients, int InFlight, int RaceAttempts, int RacePermits, TimeSpan AttemptTimeout, TimeSpan Patience)
{
    /// <summary>The counts for <paramref name="quick"/> or full runs.</summary>
    public static DrillScale For(bool quick) => quick
        ? new DrillScale(Writes: 60, Clients: 20, InFlight: 20, RaceAttempts: 100, RacePermits: 10, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(90))
        : new DrillScale(Writes: 400, Clients: 32, InFlight: 100, RaceAttempts: 1000, RacePermits: 50, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(180));
}
