using Grpc.Core;
using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Observability;
using Ledger.Gateway.Tests.Support;
using Ledger.Testing;
using Microsoft.Extensions.Logging;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// The audit log records every write with who, what, request ID, outcome, status and reason:
/// successes, refusals and failures alike; and never the keystore password.
/// </summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class AuditTests(LedgerNetworkFixture network)
{
    [Fact]
    public async Task A_successful_write_is_audited_with_official_authority_request_id_and_transaction()
    {
        var permitId = Permits.NewId();
        var request = Permits.Register(Permits.ExportDraft(permitId));

        var response = await network.Permits.RegisterPermitAsync(request, As(Officials.ChIssuer));

        var line = AuditLine(network.Gateway, request.RequestId);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Contains("devnet|ch-issuer", line.Message);
        Assert.Contains(network.AccountOf(Officials.ChIssuer).ToString().ToLowerInvariant(), line.Message.ToLowerInvariant());
        Assert.Contains($"RegisterPermit {permitId}", line.Message);
        Assert.Contains(": succeeded, transaction " + response.Receipt.TxHash, line.Message);
        AssertNoSecrets(network.Gateway);
    }

    [Fact]
    public async Task A_write_refused_for_the_wrong_country_is_audited_with_its_status_and_reason()
    {
        var permitId = Permits.NewId();
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(permitId)), As(Officials.ChIssuer));
        var cancel = new CancelPermitRequest { RequestId = Permits.NewRequestId(), PermitId = permitId, Reason = CancelReason.Fraud };

        var error = await Assert.ThrowsAsync<RpcException>(() => network.Permits.CancelPermitAsync(cancel, As(Officials.FrIssuer)).ResponseAsync);

        var line = AuditLine(network.Gateway, cancel.RequestId);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("devnet|fr-issuer", line.Message);
        Assert.Contains($"CancelPermit request {cancel.RequestId}: refused with PermissionDenied: {error.Status.Detail}", line.Message);
    }

    [Fact]
    public async Task A_write_refused_by_its_policy_is_audited_before_the_request_is_read()
    {
        var request = Permits.Register(Permits.ExportDraft(Permits.NewId()));
        var before = network.Gateway.Logs.Entries.Count;

        await Assert.ThrowsAsync<RpcException>(() => network.Permits.RegisterPermitAsync(request, As(Officials.Observer)).ResponseAsync);

        var line = Assert.Single(network.Gateway.Logs.Entries.Skip(before),
            e => e.Category == AuditLog.Category && e.Message.Contains("devnet|observer") && e.Message.Contains("RegisterPermit"));
        Assert.Contains("request -: refused with PermissionDenied: This call needs the role IssuingOfficer", line.Message);
    }

    [Fact]
    public async Task A_write_that_fails_because_no_node_answers_is_audited_as_failed()
    {
        var settings = new Dictionary<string, string?>(network.Settings) { ["Chain:RpcUrls:0"] = FreePort.ClosedEndpoint().ToString() };
        settings["Stores:KeyPrefix"] = $"audit-{Guid.NewGuid():N}"[..20] + ":";
        await using var gateway = await GatewayHost.StartAsync(settings);
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var request = Permits.Register(Permits.ExportDraft(Permits.NewId()));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new PermitService.PermitServiceClient(channel).RegisterPermitAsync(request, As(Officials.ChIssuer)).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        var line = AuditLine(gateway, request.RequestId);
        Assert.Contains($"RegisterPermit request {request.RequestId}: failed with Unavailable: {error.Status.Detail}", line.Message);
        AssertNoSecrets(gateway);
    }

    private static CollectingLoggerProvider.LogEntry AuditLine(GatewayHost gateway, string requestId) =>
        Assert.Single(gateway.Logs.Entries, e => e.Category == AuditLog.Category && e.Message.Contains(requestId));

    private static void AssertNoSecrets(GatewayHost gateway) =>
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Message.Contains(Password) || (e.Exception?.ToString().Contains(Password) ?? false));
}
