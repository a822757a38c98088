using System.Security.Cryptography.X509Certificates;
using Ledger.Api.V1;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Ethereum;
using Ledger.Core.Primitives;
using Ledger.Gateway.Peers;
using Ledger.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Gateway.IntegrationTests.Support;

/// <summary>What the document exchange tests share: certificates, directory entries and clients of a peer endpoint.</summary>
public static class PeerTestSupport
{
    /// <summary>Writes a fresh self-signed certificate and its key as PEM files in <paramref name="folder"/>.</summary>
    public static (string CertificateFile, string KeyFile) WriteSelfSigned(string folder, string name)
    {
        using var certificate = TestGatewayCertificates.SelfSigned();
        return Write(folder, name, certificate);
    }

    /// <summary>Writes <paramref name="certificate"/> and its ECDSA key as PEM files in <paramref name="folder"/>.</summary>
    public static (string CertificateFile, string KeyFile) Write(string folder, string name, X509Certificate2 certificate)
    {
        var certificateFile = Path.Combine(folder, name + ".crt");
        var keyFile = Path.Combine(folder, name + ".key");
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return (certificateFile, keyFile);
    }

    /// <summary><paramref name="issuer"/>'s issuing officer publishes <paramref name="account"/>'s gateway on chain.</summary>
    public static async Task PublishAsync(LedgerNetworkFixture network, string issuer, string account, string url, Bytes32 fingerprint)
    {
        var sender = await TransactionSender.CreateAsync(network.Devnet.Client, network.Devnet.Accounts[Officials.All[issuer].Account].Key(),
            new TransactionSenderOptions { ReceiptPollInterval = TimeSpan.FromMilliseconds(50) });
        await new AuthorityRegistryContract(network.AuthorityRegistry, network.Devnet.Client, sender)
            .PublishGatewayAsync(network.AccountOf(account), url, fingerprint);
    }

    /// <summary>The peer endpoint of a gateway host, https://127.0.0.1:PORT.</summary>
    public static string PeerUrl(IServiceProvider services) => $"https://{services.GetRequiredService<PeerEndpoint>().BoundEndPoint}";

    /// <summary>The other endpoint of a gateway host with two listeners (the officers').</summary>
    public static string OfficersUrl(IServiceProvider services)
    {
        var peer = PeerUrl(services);
        return services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single(address => address != peer);
    }

    /// <summary>A client of the peer endpoint presenting <paramref name="clientCertificate"/> (the server's certificate is not checked here).</summary>
    public static PeerDocumentService.PeerDocumentServiceClient PeerClient(string peerUrl, X509Certificate2 clientCertificate) =>
        new(TestGatewayCertificates.ChannelPresenting(peerUrl, clientCertificate));
}
