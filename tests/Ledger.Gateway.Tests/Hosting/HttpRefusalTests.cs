using System.Net;
using System.Text.Json;
using Ledger.Gateway.Identity;
using Ledger.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Ledger.Gateway.Tests.Hosting;

/// <summary>
/// A JSON client refused by a policy gets an HTTP status and a JSON body with the gRPC code
/// and a message; and the dev header is refused when the remote address is unknown (the
/// in-process test server has none).
/// </summary>
public sealed class HttpRefusalTests : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private GatewayHost? _host;

    public async Task InitializeAsync() =>
        _host = await GatewayHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Gateway:Mode"] = "Devnet",
                ["Identity:DevIdentities:ch-issuer:Authority"] = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
                ["Identity:DevIdentities:ch-issuer:Role"] = "IssuingOfficer",
                ["Stores:CheckpointDirectory"] = _directory.File("checkpoints"),
            },
            inProcess: true,
            extraEndpoints: app => app.MapGrpcService<WhoAmIPermitService>());

    public async Task DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_dev_identity_without_a_remote_address_is_refused_with_403_and_a_json_reason()
    {
        using var client = _host!.TestServer.CreateClient();
        client.DefaultRequestHeaders.Add(DevHeaderIdentityResolver.HeaderName, "ch-issuer");

        using var response = await client.GetAsync("/v1/permits:verify?permit_id=CH/2026/000123");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal((int)Grpc.Core.StatusCode.PermissionDenied, body.GetProperty("code").GetInt32());
        Assert.Contains("remote address is unknown", body.GetProperty("message").GetString());
    }
}
