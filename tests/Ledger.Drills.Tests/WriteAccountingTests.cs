using Ledger.Cli.Connection;
using Ledger.Drills.Support;

namespace Ledger.Drills.Tests;

/// <summary>
/// The counting rules on a made-up chain, so that a lost or doubled write is known to show:
/// the quick drills, which find 0 and 0, would pass just as well if the counting never counted.
/// </summary>
public sealed class WriteAccountingTests : IDisposable
{
    // Never connected: the accounting only reads the writes' permits and references.
    private readonly GatewayClients _gateway = GatewayClientFactory.Create(new GatewaySettings(new Uri("http://127.0.0.1:9/")));

    [Fact]
    public async Task Every_write_landed_once_counts_nothing()
    {
        var writes = Writes(("CH/2026/000001", "A"), ("CH/2026/000001", "B"), ("CH/2026/000002", "C"));
        var chain = new MadeUpChain().Record("CH/2026/000001", "A").Record("CH/2026/000001", "B").Record("CH/2026/000002", "C");

        var account = await WriteAccounting.EveryWriteOnceAsync(chain, writes, Outcomes(writes.Count, WriteEnd.Succeeded), default);

        Assert.Equal((0, 0), (account.Lost, account.Doubled));
    }

    [Fact]
    public async Task A_write_absent_on_chain_is_lost_whether_the_client_was_told_success_or_gave_up()
    {
        var writes = Writes(("CH/2026/000001", "A"), ("CH/2026/000001", "B"));
        var chain = new MadeUpChain();

        var account = await WriteAccounting.EveryWriteOnceAsync(chain, writes, [new(WriteEnd.Succeeded, null, 1), new(WriteEnd.GaveUp, Grpc.Core.StatusCode.Unavailable, 9)], default);

        Assert.Equal((2, 0), (account.Lost, account.Doubled));
    }

    [Fact]
    public async Task A_reference_recorded_twice_or_counters_above_the_writes_are_doubled()
    {
        var writes = Writes(("CH/2026/000001", "A"), ("CH/2026/000002", "B"));
        var chain = new MadeUpChain().Record("CH/2026/000001", "A").Record("CH/2026/000001", "A")
            .Record("CH/2026/000002", "B").Counters("CH/2026/000002", shipments: 3, used: 3);

        var account = await WriteAccounting.EveryWriteOnceAsync(chain, writes, Outcomes(writes.Count, WriteEnd.Succeeded), default);

        Assert.Equal((0, 1 + 2), (account.Lost, account.Doubled));
        Assert.Contains("landed on chain though the client was not told so: 0", account.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_race_no_winner_is_a_lost_write_two_winners_a_doubled_one_and_a_told_winner_absent_is_lost()
    {
        var writes = Writes(("CH/2026/000001", "A"), ("CH/2026/000001", "B"), ("CH/2026/000002", "C"), ("CH/2026/000002", "D"),
            ("CH/2026/000003", "E"), ("CH/2026/000003", "F"));
        var chain = new MadeUpChain().Record("CH/2026/000002", "C").Record("CH/2026/000002", "D").Record("CH/2026/000003", "E");
        WriteOutcome[] outcomes =
        [
            new(WriteEnd.Refused, Grpc.Core.StatusCode.FailedPrecondition, 1), new(WriteEnd.Refused, Grpc.Core.StatusCode.FailedPrecondition, 1),
            new(WriteEnd.Succeeded, null, 1), new(WriteEnd.Succeeded, null, 1),
            new(WriteEnd.Succeeded, null, 1), new(WriteEnd.Succeeded, null, 1),
        ];

        var account = await WriteAccounting.OneWinnerPerPermitAsync(chain, writes, outcomes, default);

        // Permit 1: nobody won (lost 1). Permit 2: two won (doubled 1). Permit 3: F was told it won and is absent (lost 1).
        Assert.Equal((2, 1), (account.Lost, account.Doubled));
        Assert.Contains("1 of 3 permits with exactly one shipment on chain", account.Notes, StringComparison.Ordinal);
    }

    public void Dispose() => _gateway.Dispose();

    private List<ShipmentWrite> Writes(params (string Permit, string Reference)[] writes) =>
        [.. writes.Select(w => new ShipmentWrite(_gateway, "ch-customs", w.Permit, w.Reference, 1))];

    private static WriteOutcome[] Outcomes(int count, WriteEnd end) => [.. Enumerable.Repeat(new WriteOutcome(end, null, 1), count)];

    /// <summary>A chain's shipments as the test states them; counters follow the events unless set.</summary>
    private sealed class MadeUpChain : IShipmentLedger
    {
        private readonly List<(string Permit, string Reference)> _events = [];
        private readonly Dictionary<string, (int, UInt128)> _counters = [];

        public MadeUpChain Record(string permit, string reference)
        {
            _events.Add((permit, reference.ToUpperInvariant()));
            return this;
        }

        public MadeUpChain Counters(string permit, int shipments, ulong used)
        {
            _counters[permit] = (shipments, used);
            return this;
        }

        public int TimesRecorded(string permitId, string reference) => _events.Count(e => e == (permitId, reference.ToUpperInvariant()));

        public int ShipmentEventsOf(string permitId) => _events.Count(e => e.Permit == permitId);

        public Task<(int Shipments, UInt128 UsedOnFirstLine)> CountersOfAsync(string permitId, CancellationToken cancellationToken) =>
            Task.FromResult(_counters.TryGetValue(permitId, out var set) ? set : (ShipmentEventsOf(permitId), (UInt128)ShipmentEventsOf(permitId)));
    }
}
