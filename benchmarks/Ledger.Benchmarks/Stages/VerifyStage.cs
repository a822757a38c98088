using System.Globalization;
using Ledger.Api.V1;
using Ledger.Benchmarks.Clients;
using Ledger.Benchmarks.Load;
using Ledger.Benchmarks.Permits;
using Ledger.Benchmarks.Report;
using Ledger.Benchmarks.Statistics;
using Ledger.Contracts.Generated.PermitRegistry.ContractDefinition;

namespace Ledger.Benchmarks.Stages;

/// <summary>
/// VerifyPermit through the first authority's gateway, over gRPC and HTTP/JSON, cached (a hot set of
/// 64 permits asked before each window) and uncached (every request a permit never asked before),
/// at 1, 16 and 64 clients; the baseline is a raw eth_call of verify to the same node at the same
/// concurrency. Goals: cached ≥ 20,000 req/s (at 64 clients) and ≥ 1.5× raw; uncached ≥ 0.8× raw.
/// </summary>
internal sealed class VerifyStage(BenchContext context, BenchOptions options, PermitPool pool, TextWriter log)
{
    private const int HotSet = 64;

    /// <summary>req/s of each way of asking, per client count (for the chart).</summary>
    public List<ChartWriter.Series> Chart { get; } = [];

    /// <summary>Runs every window and returns the section.</summary>
    public async Task<ReportSection> RunAsync(CancellationToken ct)
    {
        var section = new ReportSection("Verify",
            $"Closed loop, each client asks again as soon as it has its answer; {options.WarmUp.TotalSeconds:0.#} s warm-up, {options.VerifyWindow.TotalSeconds:0.#} s window. " +
            $"Gateway: {context.First.Id}'s, as {context.First.CustomsIdentity}, Redis cache. Cached: {HotSet} permits asked once before each window. " +
            "Uncached: each request names a bulk-loaded permit never asked before, so the gateway reads the chain (block number, verify, issuer status). " +
            "Baseline: eth_call of verify(key) for the same permits, sent straight to the same node at the same concurrency. Latencies p50/p99/p99.9 beside each figure.");
        var hot = Enumerable.Range(0, HotSet).Select(_ => pool.Take()).ToArray();
        var hotCalls = hot.Select(id => RawTransactions.CallData(new VerifyFunction { Key = BenchPermits.Key(id).ToArray() })).ToArray();
        using var http = new HttpVerifyClient(context.Devnet.Gateways[context.First.Id], context.First.CustomsIdentity!);
        var grpc = context.Grpc(context.First);
        var identity = context.First.CustomsIdentity!;

        var results = new Dictionary<(string Way, int Clients), LoadResult>();
        foreach (var clients in BenchOptions.VerifyConcurrency)
        {
            var counter = 0L;
            string NextHot() => hot[(int)(Interlocked.Increment(ref counter) % HotSet)];
            results[("raw", clients)] = await MeasureAsync("raw eth_call", clients, async token =>
                await context.Node.CallAsync(context.PermitRegistry, hotCalls[(int)(Interlocked.Increment(ref counter) % HotSet)], token), ct);
            await WarmAsync(hot, grpc, identity, ct);
            results[("grpc-cached", clients)] = await MeasureAsync("gRPC cached", clients, token => GrpcValidAsync(grpc, identity, NextHot(), token), ct);
            await WarmAsync(hot, grpc, identity, ct);
            results[("http-cached", clients)] = await MeasureAsync("HTTP/JSON cached", clients, token => http.VerifyValidAsync(NextHot(), token), ct);
            results[("grpc-uncached", clients)] = await MeasureAsync("gRPC uncached", clients, token => GrpcValidAsync(grpc, identity, pool.Take(), token), ct);
            results[("http-uncached", clients)] = await MeasureAsync("HTTP/JSON uncached", clients, token => http.VerifyValidAsync(pool.Take(), token), ct);
        }
        var top = BenchOptions.VerifyConcurrency[^1];
        foreach (var clients in BenchOptions.VerifyConcurrency)
        {
            var raw = results[("raw", clients)];
            section.Add(Row($"raw eth_call of verify, {clients} client(s)", raw, null, null));
            foreach (var (way, name) in new[] { ("grpc", "gRPC"), ("http", "HTTP/JSON") })
            {
                var cached = results[($"{way}-cached", clients)];
                section.Add(Row($"{name} cached, {clients} client(s)", cached, raw, Goal.RatioAtLeast(1.5, "raw")));
                if (clients == top)
                    section.Add(Row($"{name} cached, {clients} clients: absolute", cached, null, Goal.AtLeast(20_000, "req/s")));
                section.Add(Row($"{name} uncached, {clients} client(s)", results[($"{way}-uncached", clients)], raw, Goal.RatioAtLeast(0.8, "raw")));
            }
        }
        foreach (var (key, name) in new[] { ("raw", "raw eth_call"), ("grpc-cached", "gRPC cached"), ("http-cached", "HTTP/JSON cached"), ("grpc-uncached", "gRPC uncached"), ("http-uncached", "HTTP/JSON uncached") })
            Chart.Add(new ChartWriter.Series(name, BenchOptions.VerifyConcurrency.Select(c => results[(key, c)].PerSecond).ToArray()));
        foreach (var failed in results.Values.Where(r => r.Failed > 0 || r.CutShort is not null))
            section.Notes.Add($"{failed.Name}, {failed.Concurrency} client(s): {failed.Failed:N0} failed{(failed.FirstError is null ? "" : $" (first: {failed.FirstError})")}{(failed.CutShort is null ? "" : $"; {failed.CutShort}")}");
        return section;
    }

    private async Task<LoadResult> MeasureAsync(string name, int clients, Func<CancellationToken, Task> call, CancellationToken ct)
    {
        var result = await ClosedLoop.RunAsync(name, clients, options.WarmUp, options.VerifyWindow, (_, token) => call(token), ct);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  verify {name}, {clients} client(s): {result.PerSecond:N0} req/s, p50 {result.Latency.P50.TotalMilliseconds:0.00} ms, p99 {result.Latency.P99.TotalMilliseconds:0.00} ms{(result.Failed > 0 ? $", {result.Failed} failed" : "")}"));
        return result;
    }

    private static ReportRow Row(string figure, LoadResult result, LoadResult? baseline, Goal? goal) =>
        new(figure, result.Completed > 0 ? result.PerSecond : null, "req/s", baseline?.PerSecond, baseline is null ? null : "raw eth_call", goal,
            string.Create(CultureInfo.InvariantCulture,
                $"p50 {result.Latency.P50.TotalMilliseconds:0.00} / p99 {result.Latency.P99.TotalMilliseconds:0.00} / p99.9 {result.Latency.P999.TotalMilliseconds:0.00} ms"));

    private static async Task GrpcValidAsync(Cli.Connection.GatewayClients grpc, string identity, string permitId, CancellationToken ct)
    {
        var answer = await grpc.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = permitId }, grpc.Call(ct, identity));
        if (answer.Status != VerificationStatus.Valid)
            throw new InvalidOperationException($"{permitId} verifies {answer.Status}, not VALID");
    }

    private static async Task WarmAsync(IEnumerable<string> hot, Cli.Connection.GatewayClients grpc, string identity, CancellationToken ct)
    {
        foreach (var id in hot)
            await GrpcValidAsync(grpc, identity, id, ct);
    }
}
