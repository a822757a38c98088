using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Ledger.Testing;
using Nethereum.RPC.Eth.DTOs;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Fuzz;
using Ledger.Gateway.IntegrationTests.Support;
using Xunit.Abstractions;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// Thousands of generated requests over real gRPC, across every method of PermitService and
/// AuthorityService, as every identity (and none): invalid UTF-8, oversized strings and
/// repeated fields, boundary numbers, unknown enum numbers, missing fields. No call may end
/// INTERNAL or UNKNOWN, and a refused call may not change any authority's nonce. The seed is
/// printed; LEDGER_FUZZ_SEED repeats a run, LEDGER_FUZZ_CALLS changes its length.
/// </summary>
[Collection(FuzzNetworkCollection.Name)]
public sealed class GatewayFuzzTests(LedgerNetworkFixture network, ITestOutputHelper output)
{
    private static readonly string[] Identities = [.. Officials.All.Keys, "nobody", ""];

    [Fact]
    public async Task Generated_requests_never_end_internal_or_unknown_and_refused_ones_change_nothing()
    {
        var seed = Setting("LEDGER_FUZZ_SEED") ?? Random.Shared.Next();
        var calls = Setting("LEDGER_FUZZ_CALLS") ?? 2_000;
        output.WriteLine($"fuzz seed {seed} ({calls} calls); repeat with LEDGER_FUZZ_SEED={seed}");
        var values = new FuzzValues(seed, await TargetsAsync());
        var requests = new FuzzRequests(values);
        var methods = PermitService.Descriptor.Methods.Concat(AuthorityService.Descriptor.Methods).ToList();
        var invoker = network.Channel.CreateCallInvoker();
        var accounts = Officials.All.Values.Select(o => o.Account).Distinct().Select(i => network.Devnet.Accounts[i].Address).ToList();
        var failures = new List<string>();
        var statuses = new Dictionary<StatusCode, int>();
        var clock = Stopwatch.StartNew();

        var nonces = await NoncesAsync(accounts);
        for (var i = 0; i < calls && failures.Count < 20; i++)
        {
            // Streams cost a deadline each: one call in twenty opens WatchPermits.
            var method = values.Chance(0.05) ? PermitService.Descriptor.FindMethodByName("WatchPermits") : values.Pick(methods.Where(m => !m.IsServerStreaming).ToList());
            var call = requests.Generate(method);
            var identity = values.Pick(Identities);
            var status = await CallAsync(invoker, call, identity);
            statuses[status.StatusCode] = statuses.GetValueOrDefault(status.StatusCode) + 1;
            var after = await NoncesAsync(accounts);
            if (status.StatusCode is StatusCode.Internal or StatusCode.Unknown)
                failures.Add($"#{i} {method.Name} as '{identity}': {status} for {call.Description}");
            else if (status.StatusCode != StatusCode.OK && !after.SequenceEqual(nonces))
                failures.Add($"#{i} {method.Name} as '{identity}' was refused ({status.StatusCode}) but a nonce changed: {call.Description}");
            nonces = after;
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s; statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"))}");
        Assert.True(failures.Count == 0, $"seed {seed}:\n" + string.Join("\n", failures));
        Assert.True(statuses.Keys.Count(code => code != StatusCode.OK) >= 3, "the generator should provoke several kinds of refusal");
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

    private async Task<FuzzTargets> TargetsAsync()
    {
        var permitIds = new List<string>();
        foreach (var lines in new[] { new ulong[] { 10 }, [5, 5] })
        {
            var draft = Permits.ExportDraft(Permits.NewId(), lines);
            await network.Permits.RegisterPermitAsync(Permits.Register(draft), As(Officials.ChIssuer));
            permitIds.Add(draft.PermitId);
        }
        var used = Permits.Register(Permits.ExportDraft(Permits.NewId()));
        await network.Permits.RegisterPermitAsync(used, As(Officials.ChIssuer));
        permitIds.Add(used.Permit.PermitId);
        var addresses = network.Devnet.Accounts.Select(a => a.Address.ToChecksumHex()).ToList();
        return new FuzzTargets(permitIds, addresses, used.RequestId);
    }

    private async Task<ulong[]> NoncesAsync(IEnumerable<Ledger.Core.Primitives.Address> accounts) =>
        await Task.WhenAll(accounts.Select(a => network.Devnet.Client.GetTransactionCountAsync(a, BlockParameter.CreatePending())));

    private static int? Setting(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary>
/// The fuzz test's own network: its accepted random writes (an agency suspended, a proposal
/// opened with real accounts) must not change the state the other integration tests rely on.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FuzzNetworkCollection : ICollectionFixture<LedgerNetworkFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Fuzz network";
}
