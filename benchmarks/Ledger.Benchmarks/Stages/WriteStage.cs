using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using Ledger.Api.V1;
using Ledger.Benchmarks.Load;
using Ledger.Benchmarks.Permits;
using Ledger.Benchmarks.Report;
using Ledger.Benchmarks.Statistics;
using Ledger.Contracts.Generated.PermitRegistry.ContractDefinition;
using Ledger.Core.Primitives;
using Ledger.Devnet.Hosting;

namespace Ledger.Benchmarks.Stages;

/// <summary>
/// Register and record shipment through every authority's gateway at once, against the same
/// operations as transactions signed beforehand and sent straight to the node, at the same block
/// period and the same number of clients per account (each client waits for its receipt, polling
/// every 100 ms as the devnet gateways do). Gas per operation from the receipts. Goal: ≥ 0.8× raw.
/// </summary>
internal sealed class WriteStage(BenchContext context, BenchOptions options, TextWriter log)
{
    private static readonly TimeSpan ReceiptPoll = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentBag<string> _gatewayTxs = [];

    /// <summary>Runs the four windows and returns the section.</summary>
    public async Task<ReportSection> RunAsync(CancellationToken ct)
    {
        var authorities = context.Devnet.Authorities;
        var window = context.BlockPeriod * options.WriteBlocks;
        var clients = options.WriteConcurrency;
        var section = new ReportSection("Register and record shipment",
                $"{authorities.Count} authorities at once, {clients} clients each (per gateway, or per account for the baseline), {options.WarmUp.TotalSeconds:0.#} s warm-up, " +
                $"{window.TotalSeconds:0} s window at a block every {context.BlockPeriod.TotalSeconds:0} s; each client waits for its write's receipt. " +
                "Baseline: the same calls as EIP-1559 transactions signed before the clock starts, sent by eth_sendRawTransaction to the node, receipts polled every 100 ms. " +
                "Shipments are recorded by each authority's customs on the permits its issuer registered in the register window just before " +
                "(no bulk registration: a block of thousands of events would stall the gateways' event followers, see the scale section).");
        // Enough pre-signed inputs that no window runs dry: a client completes at most about one write per block.
        var perAccount = clients * (int)Math.Ceiling((window + options.WarmUp).TotalSeconds / context.BlockPeriod.TotalSeconds + 3) * 2;
        var rawRegistered = authorities.ToDictionary(a => a.Id, _ => new ConcurrentQueue<string>());
        var gatewayRegistered = authorities.ToDictionary(a => a.Id, _ => new ConcurrentQueue<string>());

        var (rawRegister, rawRegisterGas) = await RawAsync("raw register", authorities,
            (authority, token) => RawRegistrationsAsync(authority, perAccount, token), (authority, id) => rawRegistered[authority.Id].Enqueue(id), ct);
        var (rawShip, rawShipGas) = await RawAsync("raw record shipment", authorities,
            (authority, token) => RawShipmentsAsync(authority, rawRegistered[authority.Id], token), (_, _) => { }, ct);
        var gatewayRegister = await GatewayAsync("gateway register", authorities, ct, async (authority, token) =>
        {
            var grpc = context.Grpc(authority);
            var draft = context.Permits.Draft(context.Permits.Id(authority.Country, "gw", NextIndex()), context.DestinationFor(authority));
            var response = await grpc.Permits.RegisterPermitAsync(new RegisterPermitRequest { RequestId = Guid.NewGuid().ToString("N"), Permit = draft }, grpc.Call(token, authority.IssuerIdentity));
            _gatewayTxs.Add("register:" + response.Receipt.TxHash);
            gatewayRegistered[authority.Id].Enqueue(draft.PermitId);
        });
        var gatewayShip = await GatewayAsync("gateway record shipment", authorities, ct, async (authority, token) =>
        {
            var id = gatewayRegistered[authority.Id].TryDequeue(out var next) ? next : throw new InputsExhaustedException($"no unshipped permit of {authority.Id} left");
            var grpc = context.Grpc(authority);
            var response = await grpc.Permits.RecordShipmentAsync(new RecordShipmentRequest
            {
                RequestId = Guid.NewGuid().ToString("N"), PermitId = id, ShipmentReference = "SHIP-" + id[^20..].Replace('/', '-'),
                Quantities = { new QuantityLine { Amount = "1" } },
            }, grpc.Call(token, authority.CustomsIdentity));
            _gatewayTxs.Add("ship:" + response.Receipt.TxHash);
        });
        var (gatewayRegisterGas, gatewayShipGas) = await GatewayGasAsync(ct);

        section.Add(Row("register through the gateways", gatewayRegister, rawRegister));
        section.Add(Row("record shipment through the gateways", gatewayShip, rawShip));
        section.Add(Row("register, raw transactions (baseline)", rawRegister, null));
        section.Add(Row("record shipment, raw transactions (baseline)", rawShip, null));
        section.Add(new ReportRow("gas per register (gateway receipts)", gatewayRegisterGas, "gas", rawRegisterGas, "raw receipts"));
        section.Add(new ReportRow("gas per record shipment (gateway receipts)", gatewayShipGas, "gas", rawShipGas, "raw receipts"));
        foreach (var result in new[] { rawRegister, rawShip, gatewayRegister, gatewayShip }.Where(r => r.Failed > 0 || r.CutShort is not null))
            section.Notes.Add($"{result.Name}: {result.Failed:N0} failed{(result.FirstError is null ? "" : $" (first: {result.FirstError})")}{(result.CutShort is null ? "" : $"; {result.CutShort}")}");
        return section;
    }

    private long _index;

    private long NextIndex() => Interlocked.Increment(ref _index);

    private ReportRow Row(string figure, LoadResult result, LoadResult? baseline) =>
        new(figure, result.Completed > 0 ? result.PerSecond : null, "tx/s", baseline?.PerSecond, baseline is null ? null : "raw transactions",
            baseline is null ? null : Goal.RatioAtLeast(0.8, "raw"),
            string.Create(CultureInfo.InvariantCulture, $"{result.Completed:N0} in {result.Window.TotalSeconds:0.0} s; latency p50 {result.Latency.P50.TotalMilliseconds:0} / p99 {result.Latency.P99.TotalMilliseconds:0} ms"));

    private async Task<IReadOnlyList<(string Raw, string PermitId)>> RawRegistrationsAsync(DevnetAuthority authority, int count, CancellationToken ct)
    {
        var signer = await context.SignerAsync(context.IssuerKey(authority), ct);
        var destination = context.DestinationFor(authority);
        var ids = Enumerable.Range(0, count).Select(i => context.Permits.Id(authority.Country, "raw", i)).ToList();
        var messages = ids.Select(id => new RegisterFunction { Permit = context.Permits.Input(id, destination) }).ToList();
        var gas = await context.GasLimitAsync(signer.From, RawTransactions.CallData(messages[0]), ct);
        return messages.Select((m, i) => (signer.Sign(m, gas), ids[i])).ToList();
    }

    private async Task<IReadOnlyList<(string Raw, string PermitId)>> RawShipmentsAsync(DevnetAuthority authority, IEnumerable<string> targets, CancellationToken ct)
    {
        var signer = await context.SignerAsync(context.CustomsKey(authority), ct);
        var ids = targets.ToList();
        if (ids.Count == 0)
            return [];
        var messages = ids.Select(id => new RecordShipmentFunction
        {
            Key = BenchPermits.Key(id).ToArray(), ShipmentRef = Keccak.HashUtf8("SHIP-" + id).ToArray(),
            Quantities = [BigInteger.One], ActorRef = BenchPermits.BenchActor.ToArray(),
        }).ToList();
        var gas = await context.GasLimitAsync(signer.From, RawTransactions.CallData(messages[0]), ct);
        return messages.Select((m, i) => (signer.Sign(m, gas), ids[i])).ToList();
    }

    private async Task<(LoadResult, double)> RawAsync(string name, IReadOnlyList<DevnetAuthority> authorities,
        Func<DevnetAuthority, CancellationToken, Task<IReadOnlyList<(string Raw, string PermitId)>>> sign, Action<DevnetAuthority, string> mined, CancellationToken ct)
    {
        var queues = new List<ConcurrentQueue<(string Raw, string PermitId)>>();
        foreach (var authority in authorities)
            queues.Add(new ConcurrentQueue<(string, string)>(await sign(authority, ct)));
        var gasUsed = new ConcurrentBag<ulong>();
        var clients = options.WriteConcurrency;
        var result = await ClosedLoop.RunAsync(name, clients * authorities.Count, options.WarmUp, context.BlockPeriod * options.WriteBlocks, async (worker, token) =>
        {
            var (raw, permitId) = queues[worker % queues.Count].TryDequeue(out var next) ? next : throw new InputsExhaustedException("no pre-signed transaction left");
            var hash = await context.Node.SendRawAsync(raw, token);
            var receipt = await context.Node.WaitForReceiptAsync(hash, ReceiptPoll, token);
            if (!receipt.Succeeded)
                throw new InvalidOperationException($"{name} transaction {hash} reverted");
            gasUsed.Add(receipt.GasUsed);
            mined(authorities[worker % queues.Count], permitId);
        }, ct);
        await Report(result);
        return (result, gasUsed.IsEmpty ? double.NaN : gasUsed.Average(g => (double)g));
    }

    private async Task<LoadResult> GatewayAsync(string name, IReadOnlyList<DevnetAuthority> authorities, CancellationToken ct,
        Func<DevnetAuthority, CancellationToken, Task> write)
    {
        var result = await ClosedLoop.RunAsync(name, options.WriteConcurrency * authorities.Count, options.WarmUp, context.BlockPeriod * options.WriteBlocks,
            (worker, token) => write(authorities[worker % authorities.Count], token), ct);
        await Report(result);
        return result;
    }

    private async Task<(double Register, double Ship)> GatewayGasAsync(CancellationToken ct)
    {
        async Task<double> AverageAsync(string prefix)
        {
            var sample = _gatewayTxs.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).Take(20).Select(t => t[prefix.Length..]).ToList();
            if (sample.Count == 0)
                return double.NaN;
            var gas = new List<double>();
            foreach (var hash in sample)
                gas.Add((await context.Node.WaitForReceiptAsync(hash, ReceiptPoll, ct)).GasUsed);
            return gas.Average();
        }
        return (await AverageAsync("register:"), await AverageAsync("ship:"));
    }

    private Task Report(LoadResult result) => log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
        $"  {result.Name}: {result.PerSecond:N1} tx/s ({result.Completed:N0} in {result.Window.TotalSeconds:0.0} s, {result.Failed} failed), p50 {result.Latency.P50.TotalMilliseconds:0} ms"));
}
