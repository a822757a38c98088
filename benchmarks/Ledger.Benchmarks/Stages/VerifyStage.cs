using System.Diagnostics;
using System.Globalization;
using Ledger.Api.V1;
using Ledger.Benchmarks.Clients;
using Ledger.Benchmarks.Load;
using Ledger.Benchmarks.Permits;
using Ledger.Benchmarks.Report;
using Ledger.Benchmarks.Statistics;
using Ledger.Cli.Connection;
using Ledger.Contracts.Generated.PermitRegistry.ContractDefinition;

namespace Ledger.Benchmarks.Stages;

/// <summary>
/// VerifyPermit through the first authority's gateway, over gRPC and HTTP/JSON, at 1, 16 and 64
/// clients, each against a raw eth_call of verify to the same node at the same concurrency, measured
/// right before it. Cached: a hot set of 64 permits asked before each window, measured before the
/// bulk load. Uncached: every request a bulk-loaded permit not in the gateway's cache, measured after it.
/// Goals: cached ≥ 20,000 req/s (at 64 clients) and ≥ 1.5× raw; uncached ≥ 0.8× raw.
/// </summary>
internal sealed class VerifyStage(BenchContext context, BenchOptions options, BulkLoader loader, PermitPool pool, TextWriter log)
{
    private const int HotSet = 64;
    private readonly WindowRounds _results = new();
    private readonly List<string> _nodeNotes = [];
    private readonly List<string> _sizingNotes = [];
    private readonly List<(long Deleted, long Left)> _cacheResets = [];
    private readonly List<TimeSpan> _followerWaits = [];

    /// <summary>req/s of each way of asking, per client count (for the chart).</summary>
    public IReadOnlyList<ChartWriter.Series> Chart =>
        new[] { ("raw-cached", "raw eth_call (hot set)"), ("grpc-cached", "gRPC cached"), ("http-cached", "HTTP/JSON cached"),
                ("raw-uncached", "raw eth_call (bulk)"), ("grpc-uncached", "gRPC uncached"), ("http-uncached", "HTTP/JSON uncached") }
            .Where(s => _results.Median(s.Item1, BenchOptions.VerifyConcurrency[0]) is not null)
            .Select(s => new ChartWriter.Series(s.Item2, BenchOptions.VerifyConcurrency.Select(c => _results.Median(s.Item1, c)?.PerSecond ?? double.NaN).ToArray()))
            .ToList();

    /// <summary>Measures the cached windows (registers the hot set first); returns the verify section only when the uncached windows will not run (they complete it).</summary>
    public async Task<ReportSection?> RunCachedAsync(CancellationToken ct)
    {
        var hot = Enumerable.Range(0, HotSet).Select(i => context.Permits.Id(context.First.Country, "hot", i)).ToArray();
        await loader.RegisterAsync(context.First, hot, ct);
        var hotCalls = hot.Select(VerifyCall).ToArray();
        using var http = new HttpVerifyClient(context.Devnet.Gateways[context.First.Id], context.First.CustomsIdentity!);
        var grpc = context.Grpc(context.First);
        await using var floor = await TransportFloor.StartAsync(context.First.CustomsIdentity!, ct);
        var counter = 0L;
        int Next() => (int)(Interlocked.Increment(ref counter) % HotSet);
        var ways = new (string Key, string Name, Func<CancellationToken, Task> Call)[]
        {
            ("raw-cached", "raw eth_call, hot set", token => context.Node.CallAsync(context.PermitRegistry, hotCalls[Next()], token)),
            ("grpc-floor", "bare gRPC round trip", floor.GrpcAsync),
            ("grpc-cached", "gRPC cached", token => GrpcValidAsync(grpc, hot[Next()], token)),
            ("http-floor", "bare HTTP/2 GET", floor.HttpAsync),
            ("http-cached", "HTTP/JSON cached", token => http.VerifyValidAsync(hot[Next()], token)),
        };
        await WarmAsync(hot, grpc, ct);
        await SteadyStateAsync(ways.Select(w => (w.Name, w.Call)), ct);
        foreach (var clients in BenchOptions.VerifyConcurrency)
        {
            for (var round = 0; round < options.VerifyRounds; round++)
            {
                foreach (var (key, name, call) in ways)
                {
                    if (key.EndsWith("-cached", StringComparison.Ordinal) && key != "raw-cached")
                        await WarmAsync(hot, grpc, ct);
                    await MeasureAsync(key, name, clients, call, ct);
                }
            }
        }
        return options.Runs("verify-uncached") ? null : Section();
    }

    /// <summary>
    /// Runs each way unrecorded at 16 clients for <see cref="BenchOptions.SteadyStateWarmUp"/>: a
    /// gateway that has served for hours runs its hot paths as optimised (tier-1) code, and so do
    /// its clients, while a fresh process starts on quickly compiled code and recompiles in the
    /// background. Without this the first windows measured that instead (seen here: gRPC at one
    /// client 1,000 req/s in its first seconds, 7,000 once recompiled).
    /// </summary>
    private async Task SteadyStateAsync(IEnumerable<(string Name, Func<CancellationToken, Task> Call)> ways, CancellationToken ct)
    {
        foreach (var (name, call) in ways)
            await ClosedLoop.RunAsync(name, 16, TimeSpan.Zero, options.SteadyStateWarmUp, (_, token) => call(token), ct);
    }

    /// <summary>Measures the uncached windows on bulk-loaded permits not in the gateway's cache and returns the whole verify section.</summary>
    public async Task<ReportSection> RunUncachedAsync(CancellationToken ct)
    {
        using var http = new HttpVerifyClient(context.Devnet.Gateways[context.First.Id], context.First.CustomsIdentity!);
        var grpc = context.Grpc(context.First);
        // Connections and JIT first: a cold channel on a loaded machine can take longer than a quick window.
        await GrpcValidAsync(grpc, pool.Take(), ct);
        await http.VerifyValidAsync(pool.Take(), ct);
        await SteadyMissesAsync(grpc, http, ct);
        Func<CancellationToken, Task> raw = token =>
            // Random.Shared: the clients call at once, and a shared seeded Random is not thread-safe.
            context.Node.CallAsync(context.PermitRegistry, VerifyCall(loader.Id(Random.Shared.NextInt64(loader.Loaded))), token);
        foreach (var clients in BenchOptions.VerifyConcurrency)
        {
            for (var round = 0; round < options.VerifyRounds; round++)
            {
                var noteNode = round == 0;
                await QuietAsync(ct);
                var rawNode = await MeasureWatchingNodeAsync("raw-uncached", "raw eth_call, bulk", clients, raw, ct);
                if (round == 0 && await TopUpAsync(_results.Last("raw-uncached", clients), ct))
                {
                    // anvil's time per block grows with the permits on chain: a baseline measured before the
                    // top-up would be taken on a faster node than the gateway windows after it.
                    var sized = _results.RemoveLast("raw-uncached", clients);
                    _sizingNotes.Add(string.Create(CultureInfo.InvariantCulture,
                        $"raw eth_call, bulk, {clients} client(s), before the top-up that sized the gateway windows: {sized.PerSecond:N0} req/s (p50 {sized.Latency.P50.TotalMilliseconds:0.00} ms); the baseline is measured again after it, on the permits the gateway windows find; {rawNode}"));
                    await QuietAsync(ct);
                    rawNode = await MeasureWatchingNodeAsync("raw-uncached", "raw eth_call, bulk", clients, raw, ct);
                }
                var grpcNode = await MeasureMissesAsync("grpc-uncached", "gRPC uncached", clients, token => GrpcValidAsync(grpc, pool.Take(), token), ct);
                var httpNode = await MeasureMissesAsync("http-uncached", "HTTP/JSON uncached", clients, token => http.VerifyValidAsync(pool.Take(), token), ct);
                // The probe runs beside every window, so that each shares the node alike; the first round's figures are noted.
                if (noteNode)
                    _nodeNotes.AddRange([rawNode, grpcNode, httpNode]);
            }
        }
        return Section();
    }

    /// <summary>
    /// <see cref="SteadyStateAsync"/> for the miss path (cache lookup that misses, coalesced chain read,
    /// cache write), which the cached windows never ran: each gateway way unrecorded at 16 clients on
    /// never-asked permits, at most <see cref="BenchOptions.UncachedWarmUpPermits"/> each (loaded first),
    /// so that the first uncached window does not measure the gateway's code being recompiled.
    /// </summary>
    private async Task SteadyMissesAsync(GatewayClients grpc, HttpVerifyClient http, CancellationToken ct)
    {
        var perWay = options.UncachedWarmUpPermits;
        await loader.LoadToAsync(pool.NextIndex + 2 * perWay, ct);
        await QuietAsync(ct);
        Func<CancellationToken, Task> AtMost(Func<string, CancellationToken, Task> ask)
        {
            var left = (long)perWay;
            return token => Interlocked.Decrement(ref left) >= 0
                ? ask(pool.Take(), token)
                : throw new InputsExhaustedException($"the {perWay:N0} permits of the warm-up are asked");
        }
        await SteadyStateAsync([("gRPC uncached", AtMost((id, token) => GrpcValidAsync(grpc, id, token))),
            ("HTTP/JSON uncached", AtMost(http.VerifyValidAsync))], ct);
    }

    /// <summary>
    /// Before an uncached window: every gateway's follower has applied the head (the bulk load and
    /// each top-up register thousands of permits), and no watch of every event is open (the scale
    /// stage closes its streams), so the window shares the node with no follower still reading.
    /// </summary>
    private async Task QuietAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var behind = await FollowerSettle.WaitAsync(context, options.CatchUpBudget, ct);
        _followerWaits.Add(clock.Elapsed);
        if (behind is not null)
            _nodeNotes.Add($"before a window: {behind}");
    }

    /// <summary>
    /// A gateway window of misses: once the followers are quiet (and the previous window's late cache
    /// writes have landed), the gateway's verification cache is emptied and the pool restarted, so the
    /// window asks the loaded permits again, each a miss. Returns the window's node note.
    /// </summary>
    private async Task<string> MeasureMissesAsync(string key, string name, int clients, Func<CancellationToken, Task> call, CancellationToken ct)
    {
        await QuietAsync(ct);
        _cacheResets.Add(await GatewayCacheReset.EmptyAsync(context.Devnet.GatewayServices(context.First.Id), ct));
        if (_cacheResets[^1].Left > 0)
            await log.WriteLineAsync($"    {_cacheResets[^1].Left:N0} cached answers were still written after {GatewayCacheReset.Passes} passes emptying the cache");
        pool.Restart();
        return await MeasureWatchingNodeAsync(key, name, clients, call, ct);
    }

    /// <summary>A window with a <see cref="NodeStallProbe"/> beside it; returns the note of what held the node up meanwhile.</summary>
    private async Task<string> MeasureWatchingNodeAsync(string key, string name, int clients, Func<CancellationToken, Task> call, CancellationToken ct)
    {
        var probe = NodeStallProbe.Start(context.Node, context.PermitRegistry);
        await using (probe)
        {
            await MeasureAsync(key, name, clients, call, ct);
            var stalls = await probe.StopAsync();
            await log.WriteLineAsync($"    node: {stalls.Describe()}");
            return $"node during {name}, {clients} client(s) (warm-up included), {loader.Loaded:N0} bulk permits on chain: {stalls.Describe()}";
        }
    }

    /// <summary>
    /// Bulk-loads enough permits for a gateway window to run at the raw rate just measured (warm-up
    /// included; each window starts the pool again): a window that runs dry at that rate has already
    /// met the 0.8× goal, while an empty pool would measure nothing at all. True when it loaded any.
    /// </summary>
    private async Task<bool> TopUpAsync(LoadResult raw, CancellationToken ct)
    {
        var perWindow = raw.PerSecond * (options.WarmUp + options.VerifyWindow).TotalSeconds;
        return await loader.LoadToAsync((long)Math.Ceiling(perWindow) + 64, ct) > TimeSpan.Zero;
    }

    private ReportSection Section()
    {
        var section = new ReportSection("Verify",
            $"Closed loop, each client asks again as soon as it has its answer; {options.WarmUp.TotalSeconds:0.#} s warm-up, {options.VerifyWindow.TotalSeconds:0.#} s window. " +
            (options.VerifyRounds > 1
                ? $"At each client count every way is measured in {options.VerifyRounds} interleaved rounds (each way once per round, baseline first), so that the machine's slow and fast moments fall on all of them; each figure is the way's median round (its latencies), with every round's rate beside it. "
                : "") +
            $"Gateway: {context.First.Id}'s, as {context.First.CustomsIdentity}, Redis cache. Cached: {HotSet} permits asked once before each window, measured before the bulk load. " +
            "Uncached: each request names a bulk-loaded permit not in the gateway's cache, so the gateway reads the chain (one verifyAtHead call: verification, issuer status and block number); measured after the bulk load. Before each gateway window the gateway's verification cache in Redis is emptied and the window asks the loaded permits from the first, each once, so every window finds the chain the baseline found; the load is topped up only if a window at the raw rate could run out (then the baseline is measured again after it, anvil being slower per block with more permits). Each window starts once every event follower has applied the head. " +
            "Baseline: eth_call of verify(key) sent straight to the same node at the same concurrency, measured just before (the hot set, or random bulk-loaded permits). " +
            $"Before the first window every way runs unrecorded for {options.SteadyStateWarmUp.TotalSeconds:0.#} s at 16 clients (uncached: on at most {options.UncachedWarmUpPermits:N0} never-asked permits each), so that client and gateway run recompiled (tier-1) code, as a gateway does after minutes of service. " +
            "Transport floor: the same clients against an empty Kestrel server in this process (gRPC health Check; a GET of a fixed verification-sized JSON), the best any service behind that protocol could do here. " +
            "Latencies p50 / p99 / p99.9 beside each figure.");
        var top = BenchOptions.VerifyConcurrency[^1];
        foreach (var clients in BenchOptions.VerifyConcurrency)
        {
            foreach (var (cache, goal) in new[] { ("cached", Goal.RatioAtLeast(1.5, "raw")), ("uncached", Goal.RatioAtLeast(0.8, "raw")) })
            {
                var raw = _results.Median($"raw-{cache}", clients);
                if (raw is not null)
                    section.Add(Row($"raw eth_call of verify ({(cache == "cached" ? "hot set" : "bulk")}), {clients} client(s)", $"raw-{cache}", raw, null, null));
                foreach (var (way, name) in new[] { ("grpc", "bare gRPC unary round trip"), ("http", "bare HTTP/2 GET round trip") })
                {
                    if (cache == "cached" && _results.Median($"{way}-floor", clients) is { } floor)
                        section.Add(Row($"{name} (transport floor: an empty server in this process), {clients} client(s)", $"{way}-floor", floor, raw, null));
                }
                foreach (var (way, name) in new[] { ("grpc", "gRPC"), ("http", "HTTP/JSON") })
                {
                    if (_results.Median($"{way}-{cache}", clients) is not { } result)
                        continue;
                    section.Add(Row($"{name} {cache}, {clients} client(s)", $"{way}-{cache}", result, raw, goal));
                    if (cache == "cached" && clients == top)
                        section.Add(Row($"{name} cached, {clients} clients, absolute", $"{way}-{cache}", result, null, Goal.AtLeast(20_000, "req/s")));
                }
            }
        }
        if (_followerWaits.Count > 0)
            section.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"before each uncached window the run waited until every gateway's event follower had applied the head (WatchPermits streams of arrivals only, closed before the window): {_followerWaits.Count} waits, longest {_followerWaits.Max().TotalSeconds:0.0} s"));
        if (_cacheResets.Count > 0)
        {
            var left = _cacheResets.Sum(r => r.Left);
            section.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"the gateway's verification cache was emptied before each of {_cacheResets.Count} gateway windows: at most {_cacheResets.Max(r => r.Deleted):N0} cached answers deleted; ") +
                (left > 0 ? string.Create(CultureInfo.InvariantCulture, $"{left:N0} written late (their clients had given up) were left, each at most one hit in a window") : "none left"));
        }
        section.Notes.AddRange(_sizingNotes);
        section.Notes.AddRange(_nodeNotes);
        foreach (var failed in _results.All.Where(r => r.Failed > 0 || r.CutShort is not null))
            section.Notes.Add($"{failed.Name}, {failed.Concurrency} client(s): {failed.Failed:N0} failed{(failed.FirstError is null ? "" : $" (first: {failed.FirstError})")}{(failed.CutShort is null ? "" : $"; {failed.CutShort}")}");
        return section;
    }

    private string VerifyCall(string id) => RawTransactions.CallData(new VerifyFunction { Key = BenchPermits.Key(id).ToArray() });

    private async Task MeasureAsync(string key, string name, int clients, Func<CancellationToken, Task> call, CancellationToken ct)
    {
        var result = await ClosedLoop.RunAsync(name, clients, options.WarmUp, options.VerifyWindow, (_, token) => call(token), ct);
        _results.Add(key, clients, result);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  verify {name}, {clients} client(s): {result.PerSecond:N0} req/s, p50 {result.Latency.P50.TotalMilliseconds:0.00} ms, p99 {result.Latency.P99.TotalMilliseconds:0.00} ms{(result.Failed > 0 ? $", {result.Failed} failed: {result.FirstError}" : "")}"));
    }

    private ReportRow Row(string figure, string way, LoadResult result, LoadResult? baseline, Goal? goal)
    {
        var rounds = _results.Describe(way, result.Concurrency);
        return new(figure, result.Completed > 0 ? result.PerSecond : null, "req/s", baseline?.PerSecond, baseline is null ? null : "raw eth_call", goal,
            string.Create(CultureInfo.InvariantCulture,
                $"p50 {result.Latency.P50.TotalMilliseconds:0.00} / p99 {result.Latency.P99.TotalMilliseconds:0.00} / p99.9 {result.Latency.P999.TotalMilliseconds:0.00} ms{(rounds.Length > 0 ? "; " + rounds : "")}"));
    }

    private async Task GrpcValidAsync(GatewayClients grpc, string permitId, CancellationToken ct)
    {
        var answer = await grpc.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, grpc.Call(ct, context.First.CustomsIdentity));
        if (answer.Status != VerificationStatus.Valid)
            throw new InvalidOperationException($"{permitId} verifies {answer.Status} ({answer.StatusText}), not VALID");
    }

    private async Task WarmAsync(IEnumerable<string> hot, GatewayClients grpc, CancellationToken ct)
    {
        foreach (var id in hot)
            await GrpcValidAsync(grpc, id, ct);
    }
}
