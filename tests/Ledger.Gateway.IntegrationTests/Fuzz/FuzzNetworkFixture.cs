using System.Security.Cryptography.X509Certificates;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Peers;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Gateway.IntegrationTests.Fuzz;

/// <summary>
/// The fuzz tests' own network: their accepted random writes (an agency suspended, a proposal
/// opened with real accounts) must not change the state the other integration tests rely on.
/// Its gateway also has a peer endpoint, which CH's issuer and FR's customs publish as their
/// gateway (<see cref="PublishPeerEndpointAsync"/>), so FetchPermitDocument goes all the way
/// through the peer link (the gateway fetches from itself) and the peer service can be fuzzed
/// with a pinned certificate. Rate limits are lifted: the fuzz aims at the handlers, the
/// limits have their own tests.
/// </summary>
public sealed class FuzzNetworkFixture : LedgerNetworkFixture
{
    /// <summary>The peer endpoint, https://127.0.0.1:PORT.</summary>
    public string PeerUrl => PeerTestSupport.PeerUrl(Gateway.Services);

    /// <summary>The gateway's peer certificate, which the published accounts are pinned to; a client presenting it is a pinned peer.</summary>
    public X509Certificate2 PinnedCertificate => Gateway.Services.GetRequiredService<PeerCertificate>().Certificate;

    /// <summary>The accounts whose gateway is this one once <see cref="PublishPeerEndpointAsync"/> ran.</summary>
    public IReadOnlyList<string> PinnedOfficials { get; } = [Officials.ChIssuer, Officials.FrCustoms];

    /// <summary>CH's issuer and FR's customs publish this gateway's peer endpoint and certificate (again: publishing is idempotent).</summary>
    public async Task PublishPeerEndpointAsync()
    {
        var fingerprint = Gateway.Services.GetRequiredService<PeerCertificate>().Fingerprint;
        await PeerTestSupport.PublishAsync(this, Officials.ChIssuer, Officials.ChIssuer, PeerUrl, fingerprint);
        await PeerTestSupport.PublishAsync(this, Officials.FrIssuer, Officials.FrCustoms, PeerUrl, fingerprint);
    }

    /// <inheritdoc />
    protected override void AdjustSettings(Dictionary<string, string?> settings)
    {
        var (certificateFile, keyFile) = PeerTestSupport.WriteSelfSigned(WorkDirectory, "peer");
        settings["Peers:Port"] = "0";
        settings["Peers:CertificateFile"] = certificateFile;
        settings["Peers:KeyFile"] = keyFile;
        foreach (var limit in new[] { "RequestsPerSecond", "Burst", "CallerRequestsPerSecond", "CallerBurst", "PeerRequestsPerSecond", "PeerBurst" })
            settings[$"Limits:{limit}"] = "1000000";
    }
}

/// <summary>The fuzz tests, on their own <see cref="FuzzNetworkFixture"/>, one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class FuzzNetworkCollection : ICollectionFixture<FuzzNetworkFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Fuzz network";
}
