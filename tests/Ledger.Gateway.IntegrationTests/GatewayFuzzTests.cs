using System.Diagnostics;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Fuzz;
using Ledger.Gateway.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// Thousands of generated requests over real gRPC, across every method of PermitService,
/// AuthorityService and DocumentService (whose fetches go through the peer link to the issuer's
/// gateway, here the same one), as every identity (and none): invalid UTF-8, oversized strings and
/// repeated fields, boundary numbers, unknown enum numbers, missing fields. No call may end
/// INTERNAL or UNKNOWN, and a refused call may not change any authority's nonce. The seed is
/// printed; LEDGER_FUZZ_SEED repeats a run, LEDGER_FUZZ_CALLS changes its length.
/// </summary>
[Collection(FuzzNetworkCollection.Name)]
public sealed class GatewayFuzzTests(FuzzNetworkFixture network, ITestOutputHelper output)
{
    private static readonly string[] Identities = [.. Officials.All.Keys, "nobody", ""];

    [Fact]
    public async Task Generated_requests_never_end_internal_or_unknown_and_refused_ones_change_nothing()
    {
        var seed = FuzzLedger.Setting("LEDGER_FUZZ_SEED") ?? Random.Shared.Next();
        var calls = FuzzLedger.Setting("LEDGER_FUZZ_CALLS") ?? 2_000;
        output.WriteLine($"fuzz seed {seed} ({calls} calls); repeat with LEDGER_FUZZ_SEED={seed}");
        await network.PublishPeerEndpointAsync();
        var values = new FuzzValues(seed, await FuzzLedger.TargetsAsync(network));
        var requests = new FuzzRequests(values);
        var methods = PermitService.Descriptor.Methods.Concat(AuthorityService.Descriptor.Methods).Concat(DocumentService.Descriptor.Methods).ToList();
        var invoker = network.Channel.CreateCallInvoker();
        var accounts = FuzzLedger.Accounts(network);
        var failures = new List<string>();
        var statuses = new Dictionary<StatusCode, int>();
        var documentsServed = 0;
        var clock = Stopwatch.StartNew();

        var nonces = await FuzzLedger.NoncesAsync(network, accounts);
        for (var i = 0; i < calls && failures.Count < 20; i++)
        {
            // Streams cost a deadline each: one call in twenty opens WatchPermits.
            var method = values.Chance(0.05) ? PermitService.Descriptor.FindMethodByName("WatchPermits") : values.Pick(methods.Where(m => !m.IsServerStreaming).ToList());
            var call = requests.Generate(method);
            var identity = values.Pick(Identities);
            var status = await CallAsync(invoker, call, identity);
            statuses[status.StatusCode] = statuses.GetValueOrDefault(status.StatusCode) + 1;
            if (method.Service == DocumentService.Descriptor && status.StatusCode == StatusCode.OK)
                documentsServed++;
            var after = await FuzzLedger.NoncesAsync(network, accounts);
            if (status.StatusCode is StatusCode.Internal or StatusCode.Unknown)
                failures.Add($"#{i} {method.Name} as '{identity}': {status} for {call.Description}");
            else if (status.StatusCode != StatusCode.OK && !after.SequenceEqual(nonces))
                failures.Add($"#{i} {method.Name} as '{identity}' was refused ({status.StatusCode}) but a nonce changed: {call.Description}");
            nonces = after;
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s; statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"))}; " +
            $"document fetches answered: {documentsServed}");
        Assert.True(failures.Count == 0, $"seed {seed}:\n" + string.Join("\n", failures));
        Assert.True(statuses.Keys.Count(code => code != StatusCode.OK) >= 3, "the generator should provoke several kinds of refusal");
        // An answered fetch went through the peer link and the issuer side's checks, not only the input checks.
        Assert.True(documentsServed > 0 || calls < 500, "some FetchPermitDocument calls should get an answer from the issuer's gateway");
    }

    private static async Task<Status> CallAsync(CallInvoker invoker, FuzzCall call, string identity)
    {
        var headers = new Metadata();
        if (identity.Length > 0)
            headers.Add("x-ledger-dev-identity", identity);
        var service = call.Method.Service.FullName;
        if (!call.Method.IsServerStreaming)
            return await RawGrpc.CallUnaryAsync(invoker, service, call.Method.Name, call.Body, new CallOptions(headers, DateTime.UtcNow.AddSeconds(30)));
        var status = await RawGrpc.CallStreamingAsync(invoker, service, call.Method.Name, call.Body, new CallOptions(headers, DateTime.UtcNow.AddMilliseconds(300)));
        return status.StatusCode == StatusCode.DeadlineExceeded ? Status.DefaultSuccess : status;
    }
}
