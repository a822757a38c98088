using System.Diagnostics;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Fuzz;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Testing;
using Xunit.Abstractions;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// Generated PeerDocumentService.GetPermitDocument requests on the peer listener, over mutual
/// TLS, presenting the certificate CH's issuer and FR's customs published (a pinned peer) or one
/// nobody published: invalid UTF-8, oversized and malformed permit IDs and addresses, accounts
/// that are none. No call may end INTERNAL or UNKNOWN, and none may change any authority's
/// nonce (the peer service only reads). LEDGER_FUZZ_SEED repeats a run, LEDGER_PEER_FUZZ_CALLS
/// changes its length.
/// </summary>
[Collection(FuzzNetworkCollection.Name)]
public sealed class PeerFuzzTests(FuzzNetworkFixture network, ITestOutputHelper output)
{
    [Fact]
    public async Task Generated_peer_requests_never_end_internal_or_unknown_and_change_nothing()
    {
        var seed = FuzzLedger.Setting("LEDGER_FUZZ_SEED") ?? Random.Shared.Next();
        var calls = FuzzLedger.Setting("LEDGER_PEER_FUZZ_CALLS") ?? 300;
        output.WriteLine($"peer fuzz seed {seed} ({calls} calls); repeat with LEDGER_FUZZ_SEED={seed}");
        await network.PublishPeerEndpointAsync();
        var targets = await FuzzLedger.TargetsAsync(network);
        // Half the generated calling authorities are accounts pinned to the presented certificate.
        var pinned = network.PinnedOfficials.Select(o => network.AccountOf(o).ToChecksumHex()).ToList();
        var values = new FuzzValues(seed, targets with { Addresses = [.. targets.Addresses, .. Enumerable.Repeat(pinned, 4).SelectMany(a => a)] });
        var requests = new FuzzRequests(values);
        var method = PeerDocumentService.Descriptor.FindMethodByName("GetPermitDocument");
        using var stranger = TestGatewayCertificates.SelfSigned("CN=unpublished gateway");
        using var pinnedChannel = TestGatewayCertificates.ChannelPresenting(network.PeerUrl, network.PinnedCertificate);
        using var strangerChannel = TestGatewayCertificates.ChannelPresenting(network.PeerUrl, stranger);
        var accounts = FuzzLedger.Accounts(network);
        var failures = new List<string>();
        var statuses = new Dictionary<StatusCode, int>();
        var clock = Stopwatch.StartNew();

        var nonces = await FuzzLedger.NoncesAsync(network, accounts);
        for (var i = 0; i < calls && failures.Count < 20; i++)
        {
            var call = requests.Generate(method);
            var asPinned = values.Chance(0.7);
            var invoker = (asPinned ? pinnedChannel : strangerChannel).CreateCallInvoker();
            var status = await RawGrpc.CallUnaryAsync(invoker, method.Service.FullName, method.Name, call.Body, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)));
            statuses[status.StatusCode] = statuses.GetValueOrDefault(status.StatusCode) + 1;
            var who = asPinned ? "pinned peer" : "unpublished peer";
            if (status.StatusCode is StatusCode.Internal or StatusCode.Unknown)
                failures.Add($"#{i} as {who}: {status} for {call.Description}");
            else if (asPinned is false && status.StatusCode == StatusCode.OK)
                failures.Add($"#{i} an unpublished certificate was answered: {call.Description}");
        }
        var after = await FuzzLedger.NoncesAsync(network, accounts);

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s; statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"))}");
        Assert.True(failures.Count == 0, $"seed {seed}:\n" + string.Join("\n", failures));
        Assert.Equal(nonces, after);
        Assert.True(statuses.GetValueOrDefault(StatusCode.OK) > 0, "some generated requests should reach the answer (pinned, well-formed, a permit of the caller's country)");
        Assert.True(statuses.Keys.Count(code => code != StatusCode.OK) >= 2, "the generator should provoke several kinds of refusal");
    }
}
