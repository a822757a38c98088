using System.Security.Cryptography.X509Certificates;
using Ledger.Devnet.Hosting;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Identity;
using Ledger.Gateway.Tests.Support;
using Ledger.Gateway.WebConsole;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledger.Console.BrowserTests.Support;

/// <summary>
/// A Production-mode gateway with its console, on the devnet's chain: TLS with a server certificate
/// from a test CA, and officers known only by client certificates that CA issues (CH's issuing
/// authority). It holds no keys (the console pages it is tested on only read), runs on in-memory
/// stores, and builds the application as Program.cs does.
/// </summary>
public sealed class ProductionConsoleGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private ProductionConsoleGateway(WebApplication app, string folder, X509Certificate2 ca, string authority)
    {
        _app = app;
        _folder = folder;
        OfficersCa = ca;
        IssuerAuthority = authority;
    }

    /// <summary>The CA whose client certificates the gateway maps to CH's issuing officers.</summary>
    public X509Certificate2 OfficersCa { get; }

    /// <summary>CH's issuing authority, as the officers' certificates map to it.</summary>
    public string IssuerAuthority { get; }

    /// <summary>The console's https address.</summary>
    public Uri Console => _app.Services.GetRequiredService<ConsoleListener>().Address ?? throw new InvalidOperationException("The console is not bound.");

    /// <summary>Starts the gateway on the devnet's chain, with its state under a folder of its own.</summary>
    /// <param name="devnet">The devnet whose chain and registries the gateway uses.</param>
    /// <param name="overrides">Settings to set or replace last (e.g. Limits), or null.</param>
    public static async Task<ProductionConsoleGateway> StartAsync(RunningDevnet devnet, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(devnet);
        var folder = Path.Combine(devnet.StateFolder, "production-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var now = DateTimeOffset.UtcNow;
        var ca = TestCertificates.CreateCa("CN=FOEN Officers CA, O=FOEN, C=CH", now.AddDays(-1), now.AddDays(30));
        var server = TestCertificates.CreateServer(ca, "CN=console.ch.ledger.test", now.AddDays(-1), now.AddDays(30));
        TestCertificates.WritePem(ca, Path.Combine(folder, "officers-ca.pem"));
        TestCertificates.WritePem(server, Path.Combine(folder, "server.pem"), Path.Combine(folder, "server.key"));
        var ch = devnet.Authorities.Single(a => a.Id == "ch");
        var authority = ch.Accounts.Single(a => a.Identity == ch.IssuerIdentity).Address;

        // The devnet's settings for CH (chain, registries, document store), minus what makes it a devnet gateway.
        var settings = GatewayConfiguration.Build(ch, 0, devnet.RpcUrl, devnet.Registries.Addresses, redis: null, folder)
            .Where(s => !s.Key.StartsWith("Identity:", StringComparison.Ordinal) && !s.Key.StartsWith("Chain:Keystores", StringComparison.Ordinal)
                && !s.Key.StartsWith("Peers:", StringComparison.Ordinal))
            .ToDictionary(s => s.Key, s => s.Value);
        settings["Gateway:Mode"] = "Production";
        settings["Console:Port"] = "0";
        settings["Console:PublicBaseUrl"] = "https://verify.ch.example/";
        settings["Tls:ServerCertificateFile"] = Path.Combine(folder, "server.pem");
        settings["Tls:ServerKeyFile"] = Path.Combine(folder, "server.key");
        settings["Tls:TrustedCaFiles:0"] = Path.Combine(folder, "officers-ca.pem");
        settings["Identity:Clients:0:IssuerThumbprintSha256"] = CertificateIdentityMap.Sha256Thumbprint(ca);
        settings["Identity:Clients:0:Authority"] = authority;
        settings["Identity:Clients:0:Role"] = "IssuingOfficer";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddLedgerGateway();
        builder.AddLedgerConsole();
        var app = builder.Build();
        app.MapLedgerGateway();
        app.MapLedgerConsole();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new ProductionConsoleGateway(app, folder, ca, authority);
    }

    /// <summary>A client certificate for an officer of <see cref="OfficersCa"/>, as PEM files for the browser.</summary>
    public (string CertificateFile, string KeyFile) IssueOfficerCertificate(string subject)
    {
        using var officer = TestCertificates.CreateClient(OfficersCa, subject);
        var name = Guid.NewGuid().ToString("N")[..8];
        var (certificate, key) = (Path.Combine(_folder, name + ".pem"), Path.Combine(_folder, name + ".key"));
        TestCertificates.WritePem(officer, certificate, key);
        return (certificate, key);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        OfficersCa.Dispose();
    }
}
