using System.Globalization;

namespace Ledger.Benchmarks.Statistics;

/// <summary>
/// The windows of each way of asking at each client count, measured in interleaved rounds (every
/// way once per round), so that the machine's slow and fast moments fall on every way alike. A
/// way's figure is its median round: one slow window moves no ratio.
/// </summary>
internal sealed class WindowRounds
{
    private readonly Dictionary<(string Way, int Clients), List<LoadResult>> _rounds = [];

    /// <summary>Every window measured, in no particular order.</summary>
    public IEnumerable<LoadResult> All => _rounds.Values.SelectMany(rounds => rounds);

    /// <summary>Records one round's window of <paramref name="way"/> at <paramref name="clients"/>.</summary>
    public void Add(string way, int clients, LoadResult result)
    {
        if (!_rounds.TryGetValue((way, clients), out var rounds))
            _rounds[(way, clients)] = rounds = [];
        rounds.Add(result);
    }

    /// <summary>Forgets the last window of <paramref name="way"/> at <paramref name="clients"/> (measured before the chain changed) and returns it.</summary>
    public LoadResult RemoveLast(string way, int clients)
    {
        var rounds = _rounds[(way, clients)];
        var last = rounds[^1];
        rounds.RemoveAt(rounds.Count - 1);
        return last;
    }

    /// <summary>The last window measured of <paramref name="way"/> at <paramref name="clients"/>.</summary>
    public LoadResult Last(string way, int clients) => _rounds[(way, clients)][^1];

    /// <summary>The round with the median rate (the lower of the two middle ones for an even count), or null if none was measured.</summary>
    public LoadResult? Median(string way, int clients) =>
        _rounds.TryGetValue((way, clients), out var rounds) && rounds.Count > 0
            ? rounds.OrderBy(r => r.PerSecond).ElementAt((rounds.Count - 1) / 2)
            : null;

    /// <summary>"rounds 1,234 / 1,300 / 1,410 req/s" when there was more than one round; empty otherwise.</summary>
    public string Describe(string way, int clients) =>
        _rounds.TryGetValue((way, clients), out var rounds) && rounds.Count > 1
            ? "rounds " + string.Join(" / ", rounds.Select(r => r.PerSecond.ToString("N0", CultureInfo.InvariantCulture))) + " req/s"
            : "";
}
