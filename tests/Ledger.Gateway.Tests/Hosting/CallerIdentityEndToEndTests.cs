using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Gateway.Identity;
using Ledger.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Gateway.Tests.Hosting;

/// <summary>
/// Caller identification through real connections: a client certificate over TLS 1.3 in
/// Production mode, the dev header over plain HTTP/2 on loopback in Devnet mode.
/// </summary>
public sealed class CallerIdentityEndToEndTests : IDisposable
{
    private readonly CertificateSet _pki = new();

    public void Dispose() => _pki.Dispose();

    private static Task<GatewayHost> Start(Dictionary<string, string?> settings, TimeProvider? time = null) =>
        GatewayHost.StartAsync(settings, time, extraEndpoints: app => app.MapGrpcService<WhoAmIPermitService>());

    [Fact]
    public async Task Production_identifies_the_caller_by_the_certificate_of_the_connection()
    {
        await using var host = await Start(_pki.ProductionConfiguration(), new FakeTimeProvider(CertificateSet.Now));
        var officer = TestCertificates.CreateClient(_pki.OfficersCa, "CN=officer-17, O=FOEN, C=CH");
        using var channel = GrpcChannel.ForAddress(host.Address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    ClientCertificates = [officer],
                    RemoteCertificateValidationCallback = (_, _, _, _) => true,
                },
            },
        });
        var client = new PermitService.PermitServiceClient(channel);

        // A dev header is sent too: Production mode must ignore it.
        var answer = await client.VerifyPermitAsync(new VerifyPermitRequest(), new Metadata { { DevHeaderIdentityResolver.HeaderName, "ch-customs" } });

        var caThumbprint = CertificateIdentityMap.Sha256Thumbprint(_pki.OfficersCa);
        Assert.Equal("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", answer.Issuer.Address);
        Assert.Equal($"IssuingOfficer|{caThumbprint}|CN=officer-17, O=FOEN, C=CH", answer.StatusText);
    }

    [Fact]
    public async Task Devnet_identifies_the_caller_by_header_over_plain_http2_on_loopback()
    {
        await using var host = await Start(new()
        {
            ["Gateway:Mode"] = "Devnet",
            ["Gateway:ListenAddress"] = "127.0.0.1",
            ["Gateway:Port"] = "0",
            ["Identity:DevIdentities:ch-customs:Authority"] = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
            ["Identity:DevIdentities:ch-customs:Role"] = "CustomsOfficer",
            ["Stores:CheckpointDirectory"] = _pki.File("checkpoints"),
        });
        using var channel = GrpcChannel.ForAddress(host.Address);
        var client = new PermitService.PermitServiceClient(channel);

        var answer = await client.VerifyPermitAsync(new VerifyPermitRequest(), new Metadata { { DevHeaderIdentityResolver.HeaderName, "ch-customs" } });
        var anonymous = await Assert.ThrowsAsync<RpcException>(async () => await client.VerifyPermitAsync(new VerifyPermitRequest()));

        Assert.Equal("http", host.Address.Scheme);
        Assert.Equal("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", answer.Issuer.Address);
        Assert.Equal("CustomsOfficer|devnet|ch-customs", answer.StatusText);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }
}
