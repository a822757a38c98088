using System.Net;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Core.Primitives;
using Ledger.Gateway.Peers;
using Ledger.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledger.Cli.Tests.Devnet;

/// <summary>
/// A peer endpoint that hands out the same bytes for any permit, as a compromised issuer's
/// gateway could (an honest one serves only the anchored copy): what the calling side's check
/// against the anchored hash is for. Published in the directory for an issuer, it is trusted
/// by its certificate like any other gateway.
/// </summary>
internal sealed class RoguePeerGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;

    private RoguePeerGateway(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        _certificate = certificate;
    }

    /// <summary>Where it listens, https://127.0.0.1:PORT.</summary>
    public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    /// <summary>The SHA-256 of its certificate, as published in the directory.</summary>
    public Bytes32 Fingerprint => CertificateFingerprint.Of(_certificate);

    /// <summary>Starts one serving <paramref name="document"/> for every request.</summary>
    public static async Task<RoguePeerGateway> StartAsync(byte[] document)
    {
        var certificate = TestGatewayCertificates.SelfSigned("CN=rogue gateway");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.UseHttps(certificate);
        }));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new Service(document));
        var app = builder.Build();
        app.MapGrpcService<Service>();
        await app.StartAsync();
        return new RoguePeerGateway(app, certificate);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    private sealed class Service(byte[] document) : PeerDocumentService.PeerDocumentServiceBase
    {
        public override Task<GetPermitDocumentResponse> GetPermitDocument(GetPermitDocumentRequest request, ServerCallContext context) =>
            Task.FromResult(new GetPermitDocumentResponse
            {
                Availability = DocumentAvailability.Available,
                Document = Google.Protobuf.ByteString.CopyFrom(document),
                MediaType = "application/xml",
            });
    }
}
