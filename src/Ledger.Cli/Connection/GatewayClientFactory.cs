using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace Ledger.Cli.Connection;

/// <summary>Opens a gRPC channel to a gateway: plain HTTP/2 for a devnet, TLS (optionally mutual) otherwise.</summary>
public static class GatewayClientFactory
{
    /// <summary>Largest answer accepted; a history page or verification is far smaller.</summary>
    private const int MaxReceiveBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Creates the clients. Throws <see cref="CliInputException"/> when the certificate
    /// options are incomplete or their files cannot be read.
    /// </summary>
    public static GatewayClients Create(GatewaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (settings.Address.Scheme == Uri.UriSchemeHttps)
            ConfigureTls(handler, settings);
        else if (settings.ClientCertificateFile is not null || settings.CaFile is not null)
            throw new CliInputException($"--cert/--key/--ca need an https:// gateway, not {settings.Address}.");

        var channel = GrpcChannel.ForAddress(settings.Address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxReceiveMessageSize = MaxReceiveBytes,
            DisposeHttpClient = true,
        });
        return new GatewayClients(channel, settings);
    }

    private static void ConfigureTls(SocketsHttpHandler handler, GatewaySettings settings)
    {
        var ssl = handler.SslOptions;
        ssl.EnabledSslProtocols = System.Security.Authentication.SslProtocols.Tls13;
        if (settings.ClientCertificateFile is not null || settings.ClientKeyFile is not null)
        {
            if (settings.ClientCertificateFile is null || settings.ClientKeyFile is null)
                throw new CliInputException("--cert and --key go together: give both or neither.");
            ssl.ClientCertificates = [LoadClientCertificate(settings.ClientCertificateFile, settings.ClientKeyFile)];
        }
        if (settings.CaFile is not null)
        {
            var ca = LoadCertificate(settings.CaFile);
            ssl.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                TrustedByCa(certificate, errors, ca);
        }
    }

    // The gateway is trusted only through the given CA, never the machine's store, so an
    // operator can point the CLI at a private network's CA without installing it.
    private static bool TrustedByCa(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2 ca)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }

    private static X509Certificate2 LoadClientCertificate(string certificateFile, string keyFile)
    {
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
            // Re-import so the key is usable by SslStream on every platform.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException)
        {
            // The message names the files only: never key material.
            throw new CliInputException($"cannot load client certificate {certificateFile} with key {keyFile}: {e.GetType().Name}");
        }
    }

    private static X509Certificate2 LoadCertificate(string file)
    {
        try
        {
            // CreateFromPem with the certificate alone: CreateFromPemFile looks for a private key too, which a CA file never holds.
            return X509Certificate2.CreateFromPem(File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CliInputException($"cannot load CA certificate {file}: {e.Message}");
        }
    }
}
