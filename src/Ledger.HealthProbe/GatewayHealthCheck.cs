using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Ledger.HealthProbe;

/// <summary>One grpc.health.v1 Check of a gateway's overall health (empty service name).</summary>
public static class GatewayHealthCheck
{
    /// <summary>The gateway's answer, or a one-line reason it gave none (no key material in it).</summary>
    public static async Task<(bool Serving, string Detail)> RunAsync(ProbeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var handler = new SocketsHttpHandler { ConnectTimeout = settings.Timeout };
        if (settings.Address.Scheme == Uri.UriSchemeHttps)
            ConfigureTls(handler.SslOptions, settings);
        using var channel = GrpcChannel.ForAddress(settings.Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        try
        {
            var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(),
                deadline: DateTime.UtcNow.Add(settings.Timeout), cancellationToken: cancellationToken).ConfigureAwait(false);
            return (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving, reply.Status.ToString());
        }
        catch (RpcException e)
        {
            return (false, $"{e.StatusCode}: {e.Status.Detail}");
        }
    }

    private static void ConfigureTls(SslClientAuthenticationOptions ssl, ProbeSettings settings)
    {
        ssl.EnabledSslProtocols = SslProtocols.Tls13;
        if (settings.CertificateFile is not null && settings.KeyFile is not null)
        {
            using var pem = X509Certificate2.CreateFromPemFile(settings.CertificateFile, settings.KeyFile);
            // Re-imported so that SslStream can use the key on Linux.
            ssl.ClientCertificates = [X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null)];
        }
        if (settings.CaFile is null)
            return;
        var ca = X509CertificateLoader.LoadCertificateFromFile(settings.CaFile);
        // Trusted through the given CA only (a private network's CA is not in the OS store).
        ssl.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var server = new X509Certificate2(certificate);
            return chain.Build(server);
        };
    }
}
