using System.Diagnostics;
using Ledger.Api.V1;
using Ledger.Benchmarks.Permits;
using Ledger.Benchmarks.Statistics;
using Ledger.Contracts.Generated.PermitRegistry.ContractDefinition;

namespace Ledger.Benchmarks.Stages;

/// <summary>
/// What a scale step measures once its permits are on chain, whichever way they got there (bulk
/// load or generated state): uncached verify through the first gateway, raw eth_call of verify,
/// and the gas of registrations through the gateway, on <paramref name="context"/>'s devnet.
/// </summary>
internal sealed class ScaleMeasurements(BenchContext context, BenchOptions options)
{
    /// <summary>One client verifies never-asked permits from <paramref name="pool"/> through the first gateway; each must be VALID.</summary>
    public async Task<LatencyHistogram> GatewayLatencyAsync(PermitPool pool, CancellationToken ct)
    {
        var clients = context.Grpc(context.First);
        var identity = context.First.CustomsIdentity!;
        var histogram = new LatencyHistogram();
        for (var i = 0; i < options.ScaleVerifySamples; i++)
        {
            var id = pool.Take();
            var start = Stopwatch.GetTimestamp();
            var answer = await clients.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = id }, clients.Call(ct, identity));
            histogram.RecordSince(start);
            if (answer.Status != VerificationStatus.Valid)
                throw new InvalidOperationException($"Permit {id} on chain verifies {answer.Status} ({answer.StatusText}), not VALID.");
        }
        return histogram;
    }

    /// <summary>One client's eth_call of verify for random permits among the first <paramref name="size"/> of <paramref name="idOf"/>.</summary>
    public async Task<LatencyHistogram> RawLatencyAsync(long size, Func<long, string> idOf, CancellationToken ct)
    {
        var random = new Random(unchecked((int)size));
        var histogram = new LatencyHistogram();
        for (var i = 0; i < options.ScaleVerifySamples; i++)
        {
            var call = RawTransactions.CallData(new VerifyFunction { Key = BenchPermits.Key(idOf(random.NextInt64(size))).ToArray() });
            var start = Stopwatch.GetTimestamp();
            await context.Node.CallAsync(context.PermitRegistry, call, ct);
            histogram.RecordSince(start);
        }
        return histogram;
    }

    /// <summary>
    /// The median gas of registrations through the first gateway, from their receipts. All are sent
    /// at once; <paramref name="mineWhenSent"/>, when given, runs meanwhile (a node that does not
    /// mine by itself: it waits for the transactions and mines them).
    /// </summary>
    public async Task<double> RegisterGasAsync(long size, Func<int, CancellationToken, Task>? mineWhenSent, CancellationToken ct)
    {
        var issuer = context.First;
        var clients = context.Grpc(issuer);
        var destination = context.DestinationFor(issuer);
        var registrations = Enumerable.Range(0, options.ScaleRegisterSamples).Select(async i =>
        {
            var draft = context.Permits.Draft(context.Permits.Id(issuer.Country, $"scale{size}", i), destination);
            var response = await clients.Permits.RegisterPermitAsync(
                new RegisterPermitRequest { RequestId = Guid.NewGuid().ToString("N"), Permit = draft }, clients.Call(ct, issuer.IssuerIdentity));
            var receipt = await context.Node.WaitForReceiptAsync(response.Receipt.TxHash, TimeSpan.FromMilliseconds(50), ct);
            return (double)receipt.GasUsed;
        }).ToList();
        if (mineWhenSent is not null)
            await mineWhenSent(registrations.Count, ct);
        var gas = await Task.WhenAll(registrations);
        return gas.Order().ElementAt(gas.Length / 2);
    }
}
