using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace Ledger.Testing;

/// <summary>
/// Gateway certificates without a CA, as the peer link uses them, and a channel that presents
/// one: for tests that play another authority's gateway against a peer endpoint.
/// </summary>
public static class TestGatewayCertificates
{
    /// <summary>A fresh self-signed ECDSA P-256 certificate with its key, valid from five minutes ago for a day.</summary>
    public static X509Certificate2 SelfSigned(string subject = "CN=test gateway")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTimeOffset.UtcNow;
        return new CertificateRequest(subject, key, HashAlgorithmName.SHA256).CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    /// <summary>
    /// A gRPC channel to <paramref name="address"/> over TLS presenting <paramref name="clientCertificate"/>;
    /// the server's certificate is not checked (the tests check the server side's decisions).
    /// </summary>
    public static GrpcChannel ChannelPresenting(string address, X509Certificate2 clientCertificate) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    ClientCertificates = [clientCertificate],
                    RemoteCertificateValidationCallback = (_, _, _, _) => true,
                },
            },
            DisposeHttpClient = true,
        });
}
