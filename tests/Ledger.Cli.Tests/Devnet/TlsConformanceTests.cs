using System.Globalization;
using System.Text.RegularExpressions;
using Ledger.Devnet.Hosting;
using Ledger.Network.Generation;
using Ledger.Network.Keys;
using Ledger.Network.Tls;

namespace Ledger.Cli.Tests.Devnet;

/// <summary>
/// `ledger conformance` against a gateway the way a real network runs it: CH's gateway in
/// Production mode on the devnet's chain, mutual TLS 1.3 with certificates from the dev CA that
/// `ledger network generate` writes, officers presenting their client certificates. Once with
/// fresh certificates (the transport check passes), once with certificates close to expiry
/// (it fails, and the run exits 1).
/// </summary>
[Collection(DevnetCollection.Name)]
public sealed partial class TlsConformanceTests(DevnetFixture fixture) : IDisposable
{
    private const string TransportCheck = "the gateway speaks TLS 1.3 and its certificate is valid for 30 days or more";
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("conformance-tls-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Against_a_mutual_TLS_gateway_the_TLS_and_certificate_expiry_check_passes_and_the_run_exits_0()
    {
        var (code, output) = await RunConformanceAgainstTlsGatewayAsync(issued: DateTimeOffset.UtcNow);

        Assert.Matches(CheckLine("PASS"), output);
        Assert.Contains("Tls13, certificate valid until", output, StringComparison.Ordinal);
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task Against_a_gateway_whose_certificate_expires_within_30_days_the_check_fails_and_the_run_exits_1()
    {
        // The dev CA issues for 397 days: issued 380 days ago, the gateway's certificate has 17 left (still valid, so every call works).
        var (code, output) = await RunConformanceAgainstTlsGatewayAsync(issued: DateTimeOffset.UtcNow.AddDays(-380));

        Assert.Matches(CheckLine("FAIL"), output);
        Assert.Contains("renew it now", output, StringComparison.Ordinal);
        // The expiry alone fails the run: every other check still answers as over a fresh certificate.
        Assert.Matches(new Regex(@"^conformance: [1-9]\d* passed, 1 failed, \d+ skipped$", RegexOptions.Multiline), output);
        Assert.Equal(1, code);
    }

    private static Regex CheckLine(string mark) => new($@"^  {mark}  {Regex.Escape(TransportCheck)}", RegexOptions.Multiline);

    private async Task<(int Code, string Output)> RunConformanceAgainstTlsGatewayAsync(DateTimeOffset issued)
    {
        var definition = fixture.Devnet.Network;
        var keys = KeySource.Seeded(definition.DevnetSeed!);
        var layout = new NetworkLayout(Path.Combine(_root.FullName, issued.ToString("yyyyMMdd", CultureInfo.InvariantCulture)));
        var clients = DevTlsFiles.Write(definition, layout, NetworkKeys.Draw(definition, keys), keys, issued);
        var ch = fixture.Authority("ch");
        var folder = layout.Authority(ch.Id);

        // CH's devnet gateway settings (its keystores, node, Redis prefix: a second replica of it), made a Production gateway:
        // client certificates instead of dev identities, no console, no peer endpoint (document checks then skip), its own files.
        var settings = fixture.Devnet.GatewaySettingsOf(ch, port: 0)
            .Where(setting => !setting.Key.StartsWith("Identity:DevIdentities:", StringComparison.Ordinal)
                && !setting.Key.StartsWith("Console:", StringComparison.Ordinal) && !setting.Key.StartsWith("Peers:", StringComparison.Ordinal))
            .ToDictionary();
        settings["Gateway:Mode"] = "Production";
        settings["Tls:ServerCertificateFile"] = folder.GatewayCertificate;
        settings["Tls:ServerKeyFile"] = folder.GatewayKey;
        settings["Tls:TrustedCaFiles:0"] = folder.TrustedCa;
        settings["Stores:CheckpointDirectory"] = Path.Combine(layout.Root, "checkpoints");
        settings["Documents:SqlitePath"] = Path.Combine(layout.Root, "documents.sqlite");
        var accepted = clients[ch.Id];
        for (var i = 0; i < accepted.Count; i++)
        {
            settings[$"Identity:Clients:{i}:IssuerThumbprintSha256"] = accepted[i].IssuerThumbprintSha256;
            settings[$"Identity:Clients:{i}:Subject"] = accepted[i].Subject;
            settings[$"Identity:Clients:{i}:Authority"] = accepted[i].Authority;
            settings[$"Identity:Clients:{i}:Role"] = accepted[i].Role;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var gateway = await InProcessGateway.StartAsync(settings, timeout.Token);
        Assert.Equal(Uri.UriSchemeHttps, gateway.Address.Scheme);
        var issuer = DevTlsFiles.IssuingOfficer(ch.Id);
        var customs = ch.Accounts.Single(account => account.Role == "CustomsOfficer").KeystoreId;
        var (code, output, error) = await LedgerCommandTests.RunLedgerAsync(
            "--gateway", gateway.Address.ToString(), "--ca", layout.CaCertificate, "conformance", "--country", ch.Country,
            "--issuer-cert", folder.OfficerCertificate(issuer), "--issuer-key", folder.OfficerKey(issuer),
            "--customs-cert", folder.OfficerCertificate(customs), "--customs-key", folder.OfficerKey(customs));
        return (code, output + error);
    }
}
