using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Gateway.Identity;
using Ledger.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Gateway.Tests.Hosting;

/// <summary>
/// Trusted CA files and the client certificate map are reloaded without a restart: a
/// client certificate is accepted or refused according to the files as they are now.
/// </summary>
public sealed class ReloadWithoutRestartTests : IDisposable
{
    private const string Authority = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    private readonly CertificateSet _pki = new();

    public void Dispose() => _pki.Dispose();

    [Fact]
    public async Task A_ca_added_to_the_trusted_file_admits_its_clients_without_a_restart()
    {
        var trustFile = _pki.File("trust.pem");
        File.Copy(_pki.OfficersCaFile, trustFile);
        var settings = _pki.ProductionConfiguration();
        settings.Remove("Tls:TrustedCaFiles:1");
        settings["Tls:TrustedCaFiles:0"] = trustFile;
        settings["Identity:Clients:1:IssuerThumbprintSha256"] = CertificateIdentityMap.Sha256Thumbprint(_pki.CustomsCa);
        settings["Identity:Clients:1:Authority"] = Authority;
        settings["Identity:Clients:1:Role"] = "CustomsOfficer";
        await using var host = await StartAsync(settings);
        var customsOfficer = TestCertificates.CreateClient(_pki.CustomsCa, "CN=basel-officer-3, O=BAZG, C=CH");

        var before = await Assert.ThrowsAsync<RpcException>(() => WhoAmIAsync(host, customsOfficer));
        File.WriteAllText(trustFile, File.ReadAllText(_pki.OfficersCaFile) + File.ReadAllText(_pki.CustomsCaFile));
        var after = await WhoAmIAsync(host, customsOfficer);

        // Refused in the TLS handshake, so the call never reaches a service. Under TLS 1.3 the
        // client may have sent its request before the server's alert arrives, and then reports
        // INTERNAL (stream reset) instead of UNAVAILABLE (no connection); both mean refused.
        Assert.True(before.StatusCode is StatusCode.Unavailable or StatusCode.Internal,
            $"expected a transport refusal, got {before.StatusCode}: {before.Status.Detail}");
        Assert.StartsWith("CustomsOfficer|", after);
    }

    [Fact]
    public async Task A_certificate_mapped_in_the_edited_identity_file_is_accepted_without_a_restart()
    {
        var settings = _pki.ProductionConfiguration();
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Identity:", StringComparison.Ordinal)).ToArray())
            settings.Remove(key);
        var identityFile = _pki.File("identity.json");
        WriteClients(identityFile, (_pki.OfficersCa, "IssuingOfficer"));
        await using var host = await StartAsync(settings, identityFile);
        var customsOfficer = TestCertificates.CreateClient(_pki.CustomsCa, "CN=basel-officer-3, O=BAZG, C=CH");

        var unmapped = await Assert.ThrowsAsync<RpcException>(() => WhoAmIAsync(host, customsOfficer));
        WriteClients(identityFile, (_pki.OfficersCa, "IssuingOfficer"), (_pki.CustomsCa, "CustomsOfficer"));
        string? answer = null;
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                answer = await WhoAmIAsync(host, customsOfficer);
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(15), "the edited identity file maps the customs CA");
        WriteClients(identityFile, (_pki.OfficersCa, "IssuingOfficer"));
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await WhoAmIAsync(host, customsOfficer);
                return false;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
            {
                return true;
            }
        }, TimeSpan.FromSeconds(15), "the mapping removed again refuses the customs officer");

        Assert.Equal(StatusCode.PermissionDenied, unmapped.StatusCode);
        Assert.Contains("not mapped to an authority", unmapped.Status.Detail);
        Assert.StartsWith("CustomsOfficer|", answer);
    }

    private static Task<GatewayHost> StartAsync(Dictionary<string, string?> settings, string? identityFile = null) =>
        GatewayHost.StartAsync(settings, new FakeTimeProvider(CertificateSet.Now),
            extraEndpoints: app => app.MapGrpcService<WhoAmIPermitService>(),
            extraConfiguration: identityFile is null ? null : configuration => configuration.AddJsonFile(identityFile, optional: false, reloadOnChange: true));

    /// <summary>Calls the probe over a new connection (so the TLS handshake sees the files as they are now).</summary>
    private static async Task<string> WhoAmIAsync(GatewayHost host, X509Certificate2 certificate)
    {
        using var channel = GrpcChannel.ForAddress(host.Address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    ClientCertificates = [certificate],
                    RemoteCertificateValidationCallback = (_, _, _, _) => true,
                },
            },
        });
        var answer = await new PermitService.PermitServiceClient(channel).VerifyPermitAsync(new VerifyPermitRequest());
        return answer.StatusText;
    }

    private static void WriteClients(string path, params (X509Certificate2 IssuingCa, string Role)[] clients)
    {
        var json = JsonSerializer.Serialize(new
        {
            Identity = new { Clients = clients.Select(c => new { IssuerThumbprintSha256 = CertificateIdentityMap.Sha256Thumbprint(c.IssuingCa), Authority, c.Role }).ToArray() },
        });
        // Write beside and move, as an operator's deployment tool would, so the watcher never sees half a file.
        File.WriteAllText(path + ".tmp", json);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
