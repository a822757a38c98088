using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledger.Benchmarks.Clients;

/// <summary>
/// A Kestrel server in this process with nothing in it but a round trip: the standard gRPC health
/// service (its status kept in memory, no checks) and one GET route answering a fixed JSON body of
/// a verification's size, on a plain HTTP/2 listener like a devnet gateway's. Asked by clients set
/// up exactly as the gateway's (same handler, identity header, deadline), it measures the floor
/// of a round trip on this machine: what no service behind that transport can beat, to tell the
/// gateway's own cost from the protocol's.
/// </summary>
internal sealed class TransportFloor : IAsyncDisposable
{
    /// <summary>About the size of a VALID verification in proto3 JSON.</summary>
    private static readonly string FixedBody = "{\"status\":\"VERIFICATION_STATUS_VALID\",\"padding\":\"" + new string('x', 480) + "\"}";

    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;
    private readonly Health.HealthClient _health;
    private readonly HttpVerifyClient _http;
    private readonly string _identity;

    private TransportFloor(WebApplication app, Uri address, string identity)
    {
        _app = app;
        _identity = identity;
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
        _health = new Health.HealthClient(_channel);
        _http = new HttpVerifyClient(address, identity);
    }

    /// <summary>Starts the server on a free loopback port; calls carry <paramref name="identity"/> in the devnet header, as the gateway's do.</summary>
    public static async Task<TransportFloor> StartAsync(string identity, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var health = new HealthServiceImpl();
        health.SetStatus("", HealthCheckResponse.Types.ServingStatus.Serving);
        builder.Services.AddSingleton(health);
        var app = builder.Build();
        app.MapGrpcService<HealthServiceImpl>();
        app.MapGet("/v1/floor", () => Results.Text(FixedBody, "application/json"));
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new TransportFloor(app, new Uri(address), identity);
    }

    /// <summary>One gRPC unary round trip (health Check), with the gateway calls' header and deadline.</summary>
    public async Task GrpcAsync(CancellationToken ct)
    {
        var headers = new Metadata { { Ledger.Cli.Connection.GatewaySettings.DevIdentityHeader, _identity } };
        var answer = await _health.CheckAsync(new HealthCheckRequest(), new CallOptions(headers, DateTime.UtcNow.AddSeconds(30), ct));
        if (answer.Status != HealthCheckResponse.Types.ServingStatus.Serving)
            throw new InvalidOperationException($"floor server answered {answer.Status}");
    }

    /// <summary>One HTTP/2 GET round trip of a verification-sized JSON body.</summary>
    public async Task HttpAsync(CancellationToken ct)
    {
        var (status, body) = await _http.GetAsync("v1/floor", ct);
        if (status != HttpStatusCode.OK || body.Length != FixedBody.Length)
            throw new InvalidOperationException($"floor server answered {(int)status} with {body.Length} characters");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
