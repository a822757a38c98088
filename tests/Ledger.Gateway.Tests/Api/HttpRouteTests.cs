using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Ledger.Api.V1;
using Ledger.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Gateway.Tests.Api;

/// <summary>
/// The google.api.http annotations of permits.proto, served by the gateway's JSON
/// transcoding: permit IDs with slashes travel as a query or body field.
/// </summary>
public sealed class HttpRouteTests : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly ConcurrentQueue<object> _received = new();
    private GatewayHost? _host;

    public async Task InitializeAsync()
    {
        _host = await GatewayHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Gateway:Mode"] = "Devnet",
                ["Identity:DevIdentities:ch-issuer:Authority"] = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
                ["Identity:DevIdentities:ch-issuer:Role"] = "IssuingOfficer",
                ["Stores:CheckpointDirectory"] = _directory.File("checkpoints"),
            },
            inProcess: true,
            extraServices: services => services.AddSingleton(_received),
            extraEndpoints: app => app.MapGrpcService<RecordingPermitService>());
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
    }

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("/v1/permits:verify?permit_id=CH/2026/000123&document_hash=0xabcd")]
    [InlineData("/v1/permits:verify?permit_id=CH%2F2026%2F000123&document_hash=0xabcd")]
    public async Task Get_verify_takes_the_permit_id_with_slashes_from_the_query(string url)
    {
        using var client = _host!.TestServer.CreateClient();

        using var response = await client.GetAsync(url);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.IsType<VerifyPermitRequest>(Assert.Single(_received));
        Assert.Equal("CH/2026/000123", request.PermitId);
        Assert.Equal("0xabcd", request.DocumentHash);
        Assert.Equal("CH/2026/000123", json.GetProperty("permitId").GetString());
        Assert.Equal("VERIFICATION_STATUS_VALID", json.GetProperty("status").GetString());
        Assert.Equal("79228162514264337593543950335", json.GetProperty("lines")[0].GetProperty("authorised").GetString());
        Assert.False(json.TryGetProperty("reason", out _), "a valid permit has no reason");
    }

    [Fact]
    public async Task Post_verify_takes_the_document_bytes_as_base64()
    {
        using var client = _host!.TestServer.CreateClient();
        var body = JsonSerializer.Serialize(new { permitId = "CH/2026/000123", document = Convert.ToBase64String("<xml/>"u8.ToArray()) });

        using var response = await client.PostAsync("/v1/permits:verify", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.IsType<VerifyPermitRequest>(Assert.Single(_received));
        Assert.Equal("<xml/>"u8.ToArray(), request.Document.ToByteArray());
        Assert.Equal(VerifyPermitRequest.PresentedOneofCase.Document, request.PresentedCase);
    }

    [Fact]
    public async Task Post_permits_registers_from_a_json_body_with_uint96_amounts_and_timestamps()
    {
        using var client = _host!.TestServer.CreateClient();
        var body = JsonSerializer.Serialize(new
        {
            requestId = "0190f3a4-7b1c-7d2e-9f00-1234567890ab",
            permit = new
            {
                permitId = "CH/2026/000123",
                type = "PERMIT_TYPE_CITES_EXPORT",
                document = Convert.ToBase64String("<permit/>"u8.ToArray()),
                validFrom = "2026-03-01T00:00:00Z",
                validUntil = "2026-09-01T00:00:00Z",
                destinationCountry = "DE",
                lines = new[] { new { amount = "79228162514264337593543950335" } },
                maxShipments = 1,
            },
        });

        using var response = await client.PostAsync("/v1/permits", new StringContent(body, Encoding.UTF8, "application/json"));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.IsType<RegisterPermitRequest>(Assert.Single(_received));
        Assert.Equal("0190f3a4-7b1c-7d2e-9f00-1234567890ab", request.RequestId);
        Assert.Equal(PermitType.CitesExport, request.Permit.Type);
        Assert.Equal(DateTimeOffset.Parse("2026-03-01T00:00:00Z"), request.Permit.ValidFrom.ToDateTimeOffset());
        Assert.Equal("79228162514264337593543950335", request.Permit.Lines.Single().Amount);
        Assert.Equal("7", json.GetProperty("receipt").GetProperty("blockNumber").GetString());
        Assert.True(json.GetProperty("receipt").GetProperty("replayed").GetBoolean());
    }
}
