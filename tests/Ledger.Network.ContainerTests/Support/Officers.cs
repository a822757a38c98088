using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using Ledger.Api.V1;

namespace Ledger.Network.ContainerTests.Support;

/// <summary>gRPC clients of a gateway as one officer: mutual TLS with the officer's certificate from chain-config/, the dev CA trusted alone.</summary>
public sealed class Officer : IDisposable
{
    private readonly GrpcChannel _channel;

    private Officer(GrpcChannel channel)
    {
        _channel = channel;
        Permits = new PermitService.PermitServiceClient(channel);
    }

    /// <summary>The permit service.</summary>
    public PermitService.PermitServiceClient Permits { get; }

    /// <summary>Connects to <paramref name="gateway"/> as <paramref name="officer"/> (e.g. "fr-customs") of authority <paramref name="authorityId"/>.</summary>
    public static Officer At(Uri gateway, string authorityId, string officer)
    {
        var tls = Path.Combine(RepositoryFiles.ChainConfig, "authorities", authorityId, "tls");
        using var pem = X509Certificate2.CreateFromPemFile(Path.Combine(tls, "officers", officer + ".crt"), Path.Combine(tls, "officers", officer + ".key"));
        var client = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(RepositoryFiles.ChainConfig, "tls", "ca.crt"));
        var handler = new SocketsHttpHandler();
        handler.SslOptions.EnabledSslProtocols = SslProtocols.Tls13;
        handler.SslOptions.ClientCertificates = [client];
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
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
        return new Officer(GrpcChannel.ForAddress(gateway, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true }));
    }

    /// <inheritdoc />
    public void Dispose() => _channel.Dispose();
}
