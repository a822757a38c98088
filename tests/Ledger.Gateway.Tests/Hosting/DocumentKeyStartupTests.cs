using Ledger.Gateway.Stores.Documents;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Gateway.Tests.Hosting;

/// <summary>The document store is on by default: a Production gateway starts only with a key to seal documents with.</summary>
public sealed class DocumentKeyStartupTests : IDisposable
{
    private readonly CertificateSet _pki = new(serverValidity: TimeSpan.FromDays(60));

    public void Dispose() => _pki.Dispose();

    [Fact]
    public async Task A_production_gateway_without_a_document_key_refuses_to_start_saying_what_to_configure()
    {
        var settings = _pki.ProductionConfiguration();
        settings.Remove("Documents:KeyFiles:test-1");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => GatewayHost.StartAsync(settings, new FakeTimeProvider(CertificateSet.Now)));

        Assert.Contains("no encryption key is configured", error.Message);
        Assert.Contains("Documents:KeyFiles", error.Message);
        Assert.Contains("openssl rand -base64 32", error.Message);
    }

    [Fact]
    public async Task A_production_gateway_with_a_key_file_keeps_documents_in_sqlite_and_never_logs_the_key()
    {
        var settings = _pki.ProductionConfiguration();
        var key = File.ReadAllText(_pki.DocumentKeyFile).Trim();

        await using var host = await GatewayHost.StartAsync(settings, new FakeTimeProvider(CertificateSet.Now));

        Assert.IsType<SqliteDocumentStore>(host.Services.GetRequiredService<IDocumentStore>());
        Assert.NotEmpty(host.Logs.Entries);
        Assert.DoesNotContain(host.Logs.Entries, entry => entry.Message.Contains(key, StringComparison.Ordinal));
    }
}
