using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Network.ContainerTests.Support;

namespace Ledger.Network.ContainerTests;

/// <summary>
/// The sample network in containers: four Besu QBFT validators, four gateways built from the
/// Dockerfile, four Redis. What QBFT promises is checked end to end: a write at one authority
/// is visible at another within two blocks; with one validator of four down the chain goes on;
/// with two down it stalls and writes answer UNAVAILABLE; restarted, it resumes and each waiting
/// write lands exactly once.
/// </summary>
[Collection(SampleNetworkCollection.Name)]
public sealed class SampleNetworkTests(SampleNetworkContainers network)
{
    private string Id(int index) => network.Network.Authorities[index].Id;

    private string Country(int index) => network.Network.Authorities[index].Country;

    private Officer IssuerAt(int index) => Officer.At(network.Gateways[Id(index)], Id(index), $"{Id(index)}-issuer");

    private Officer CustomsAt(int index) => Officer.At(network.Gateways[Id(index)], Id(index), $"{Id(index)}-customs");

    [DockerFact]
    public async Task A_permit_registered_at_the_first_gateway_verifies_valid_at_the_second_within_two_block_periods()
    {
        using var issuer = IssuerAt(0);
        using var customs = CustomsAt(1);
        var request = Drafts.Export(Country(0), Country(1));

        await issuer.Permits.RegisterPermitAsync(request, deadline: DateTime.UtcNow.AddMinutes(1));
        var (verification, elapsed) = await Eventually.WaitAsync(
            () => customs.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = request.Permit.PermitId }).ResponseAsync,
            reply => reply.Status == VerificationStatus.Valid, within: 2 * network.Network.BlockPeriod, interval: TimeSpan.FromMilliseconds(50));

        Assert.Equal(VerificationStatus.Valid, verification.Status);
        Assert.True(elapsed <= 2 * network.Network.BlockPeriod, $"visible at {Id(1)} after {elapsed.TotalMilliseconds:F0} ms");
    }

    [DockerFact]
    public async Task With_one_validator_of_four_stopped_writes_continue()
    {
        // The validator of the authority written through: its gateway must fall back to its own full node.
        var stopped = Id(0);
        await network.StopNodeAsync(stopped);
        try
        {
            using var issuer = IssuerAt(0);
            using var customs = CustomsAt(1);
            var request = Drafts.Export(Country(0), Country(1));

            var reply = await issuer.Permits.RegisterPermitAsync(request, deadline: DateTime.UtcNow.Add(ReceiptTimeout(Id(0))));

            Assert.False(reply.Receipt.Replayed);
            var verification = await customs.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = request.Permit.PermitId });
            Assert.Equal(VerificationStatus.Valid, verification.Status);
        }
        finally
        {
            await network.StartNodeAsync(stopped);
        }
    }

    [DockerFact]
    public async Task With_two_of_four_stopped_writes_answer_unavailable_and_after_a_restart_each_lands_exactly_once()
    {
        var stopped = new[] { Id(2), Id(3) };
        var timeout = ReceiptTimeout(Id(0));
        using var issuer = IssuerAt(0);
        var requests = Enumerable.Range(0, 3).Select(_ => Drafts.Export(Country(0), Country(1))).ToArray();
        foreach (var id in stopped)
            await network.StopNodeAsync(id);
        try
        {
            var clock = Stopwatch.StartNew();
            var failures = await Task.WhenAll(requests.Select(async request =>
                await Assert.ThrowsAsync<RpcException>(() => issuer.Permits.RegisterPermitAsync(request, deadline: DateTime.UtcNow.Add(timeout * 2)).ResponseAsync)));

            Assert.All(failures, failure => Assert.Equal(StatusCode.Unavailable, failure.StatusCode));
            Assert.True(clock.Elapsed <= timeout + TimeSpan.FromSeconds(15), $"UNAVAILABLE after {clock.Elapsed}, receipt timeout {timeout}");
            foreach (var request in requests)
                Assert.Equal(VerificationStatus.NotAvailable, (await Verify(issuer, request)).Status);
        }
        finally
        {
            foreach (var id in stopped)
                await network.StartNodeAsync(id);
        }

        // QBFT round timeouts doubled while the chain stalled; the first block after the restart may take a while.
        foreach (var request in requests)
        {
            var (landed, _) = await Eventually.WaitAsync(() => Verify(issuer, request), r => r.Status == VerificationStatus.Valid,
                within: TimeSpan.FromMinutes(5), interval: TimeSpan.FromSeconds(1));
            Assert.Equal(VerificationStatus.Valid, landed.Status);
        }
        foreach (var request in requests)
        {
            // The retry with the same request id is the same write: it lands once, never twice.
            var retried = await issuer.Permits.RegisterPermitAsync(request, deadline: DateTime.UtcNow.Add(timeout));
            Assert.True(retried.Receipt.Replayed, $"{request.Permit.PermitId} was written a second time");
            var history = await issuer.Permits.GetPermitHistoryAsync(new GetPermitHistoryRequest { PermitId = request.Permit.PermitId });
            Assert.Single(history.Entries, entry => entry.Kind == PermitEventKind.Registered);
        }
        // And the network takes new writes again.
        var fresh = Drafts.Export(Country(0), Country(1));
        Assert.False((await issuer.Permits.RegisterPermitAsync(fresh, deadline: DateTime.UtcNow.Add(timeout))).Receipt.Replayed);
    }

    private static async Task<VerifyPermitResponse> Verify(Officer officer, RegisterPermitRequest request) =>
        await officer.Permits.VerifyPermitAsync(new VerifyPermitRequest { PermitId = request.Permit.PermitId });

    // The generated gateway settings say how long a write waits for its block.
    private static TimeSpan ReceiptTimeout(string authorityId)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.ChainConfig, "authorities", authorityId, "gateway", "appsettings.json")));
        return TimeSpan.Parse(settings.RootElement.GetProperty("Chain").GetProperty("ReceiptTimeout").GetString()!, CultureInfo.InvariantCulture);
    }
}
