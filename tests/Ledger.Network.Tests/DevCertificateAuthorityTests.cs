using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ledger.Gateway.Identity;
using Ledger.Network.Generation;
using Ledger.Network.Keys;
using Ledger.Network.Tls;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Ledger.Network.Tests;

/// <summary>The devnet's CA and certificates, checked with .NET's chain builder, openssl, and the gateway's own identity map.</summary>
public sealed class DevCertificateAuthorityTests : IDisposable
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 12, 1, 22, 45, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("devtls-");
    private readonly NetworkLayout _layout;
    private readonly NetworkKeys _keys;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<ClientCertificateEntry>> _clients;

    public DevCertificateAuthorityTests()
    {
        _layout = new NetworkLayout(_root.FullName);
        var source = KeySource.Seeded("tls-test-seed");
        _keys = NetworkKeys.Draw(SampleNetwork.Definition(), source);
        _clients = DevTlsFiles.Write(SampleNetwork.Definition(), _layout, _keys, source, IssuedAt);
    }

    public void Dispose() => _root.Delete(recursive: true);

    private X509Certificate2 Ca => X509CertificateLoader.LoadCertificateFromFile(_layout.CaCertificate);

    [Fact]
    public void Every_gateway_and_officer_certificate_chains_to_the_ca_in_dotnet_and_in_openssl()
    {
        var leaves = _keys.Authorities.SelectMany(a => Officers(a.Definition.Id).Select(o => _layout.Authority(a.Definition.Id).OfficerCertificate(o))
            .Append(_layout.Authority(a.Definition.Id).GatewayCertificate)).ToArray();
        Assert.Equal(4 * 3, leaves.Length);
        foreach (var leaf in leaves)
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(Ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = IssuedAt.UtcDateTime.AddDays(1);
            var built = chain.Build(X509CertificateLoader.LoadCertificateFromFile(leaf));
            Assert.True(built, $"{leaf}: {string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation))}");

            var openssl = Run("openssl", "verify", "-attime", IssuedAt.AddDays(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-CAfile", _layout.CaCertificate, leaf);
            Assert.Equal($"{leaf}: OK", openssl.Trim());
        }
        Assert.Equal(File.ReadAllText(_layout.CaCertificate), File.ReadAllText(_layout.Authority("ke").TrustedCa));
    }

    [Fact]
    public void Gateway_certificates_name_their_compose_host_localhost_and_loopback_and_serve_and_call()
    {
        foreach (var authority in _keys.Authorities)
        {
            var id = authority.Definition.Id;
            var certificate = X509CertificateLoader.LoadCertificateFromFile(_layout.Authority(id).GatewayCertificate);
            Assert.True(certificate.MatchesHostname($"gateway-{id}"));
            Assert.True(certificate.MatchesHostname("localhost"));
            Assert.True(certificate.MatchesHostname("127.0.0.1"));
            Assert.False(certificate.MatchesHostname($"gateway-{(id == "ch" ? "fr" : "ch")}"));
            var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
            Assert.Equal([IPAddress.Loopback], san.EnumerateIPAddresses());
            var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value);
            Assert.Equal(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"], usages);
            using var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(_layout.Authority(id).GatewayKey));
            Assert.Equal(certificate.GetECDsaPublicKey()!.ExportSubjectPublicKeyInfo(), key.ExportSubjectPublicKeyInfo());
        }
    }

    [Fact]
    public void Leaves_last_at_most_397_days_from_the_issue_day_and_the_ca_outlives_them()
    {
        var ca = Ca;
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), ca.NotBefore.ToUniversalTime());
        Assert.Contains("DEVNET ONLY", ca.Subject, StringComparison.Ordinal);
        Assert.True(ca.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        foreach (var file in Directory.EnumerateFiles(_layout.Authority("fr").Folder, "*.crt", SearchOption.AllDirectories))
        {
            var leaf = X509CertificateLoader.LoadCertificateFromFile(file);
            if (leaf.Thumbprint == ca.Thumbprint)
                continue;
            Assert.False(leaf.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority, file);
            Assert.Equal(ca.NotBefore, leaf.NotBefore);
            Assert.True(leaf.NotAfter - leaf.NotBefore <= TimeSpan.FromDays(397), file);
            Assert.True(leaf.NotAfter < ca.NotAfter, file);
        }
    }

    [Fact]
    public void Identity_mapping_written_to_the_gateway_settings_maps_each_officer_certificate_in_the_gateways_own_map()
    {
        var settingsFile = Path.Combine(_root.FullName, "appsettings.json");
        var ch = _keys.Authorities.Single(a => a.Definition.Id == "ch");
        File.WriteAllText(settingsFile, GatewaySettingsFile.Build("ch", 0,
            [("ch", ch.Account.GetPublicAddress()), ("ch-customs", ch.Agencies[0].Key.GetPublicAddress())],
            new RegistryAddresses("0x01", "0x02"), TimeSpan.FromSeconds(30), _clients["ch"], authorityNetworkIsPrivate: true, peerGatewayHosts: ["gateway-fr"]));
        var identity = new IdentityOptions();
        new ConfigurationBuilder().AddJsonFile(settingsFile).Build().GetSection(IdentityOptions.SectionName).Bind(identity);
        var map = new CertificateIdentityMap(Options.Create(identity));

        var folder = _layout.Authority("ch");
        var issuer = map.Find(Ca, X509CertificateLoader.LoadCertificateFromFile(folder.OfficerCertificate("ch-issuer")));
        var customs = map.Find(Ca, X509CertificateLoader.LoadCertificateFromFile(folder.OfficerCertificate("ch-customs")));
        Assert.Equal((ch.Account.GetPublicAddress(), CallerRole.IssuingOfficer), (issuer?.Authority, issuer?.Role));
        Assert.Equal((ch.Agencies[0].Key.GetPublicAddress(), CallerRole.CustomsOfficer), (customs?.Authority, customs?.Role));
        // Another authority's officer, from the same CA, is nobody at CH's gateway.
        Assert.Null(map.Find(Ca, X509CertificateLoader.LoadCertificateFromFile(_layout.Authority("fr").OfficerCertificate("fr-customs"))));
        var probe = map.Find(Ca, X509CertificateLoader.LoadCertificateFromFile(folder.GatewayCertificate));
        Assert.Equal((ch.Account.GetPublicAddress(), CallerRole.ReadOnly), (probe?.Authority, probe?.Role));
        Assert.All(identity.Clients, client => Assert.Equal(CertificateIdentityMap.Sha256Thumbprint(Ca), client.IssuerThumbprintSha256));
    }

    [Fact]
    public void Same_seed_and_day_write_the_same_bytes_and_another_day_changes_only_dated_files()
    {
        var again = Directory.CreateTempSubdirectory("devtls-again-");
        var nextDay = Directory.CreateTempSubdirectory("devtls-next-");
        try
        {
            var source = KeySource.Seeded("tls-test-seed");
            DevTlsFiles.Write(SampleNetwork.Definition(), new NetworkLayout(again.FullName), _keys, source, IssuedAt.AddHours(1));
            DevTlsFiles.Write(SampleNetwork.Definition(), new NetworkLayout(nextDay.FullName), _keys, source, IssuedAt.AddDays(1));
            foreach (var file in Directory.EnumerateFiles(_root.FullName, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(_root.FullName, file).Replace('\\', '/');
                Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(again.FullName, relative)));
                var sameNextDay = File.ReadAllBytes(file).SequenceEqual(File.ReadAllBytes(Path.Combine(nextDay.FullName, relative)));
                Assert.True(sameNextDay != NetworkGenerator.IsDatedFile(relative), relative);
            }
        }
        finally
        {
            again.Delete(recursive: true);
            nextDay.Delete(recursive: true);
        }
    }

    private static string[] Officers(string id) => [$"{id}-issuer", $"{id}-customs"];

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
