using Ledger.Gateway.Stores;
using Ledger.Gateway.Stores.Documents;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.Stores.Documents;

public sealed class DocumentStoreOptionsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly TestDocumentKeys _keys = new();

    public void Dispose() => _directory.Dispose();

    private Dictionary<string, string?> SqliteSettings() => new()
    {
        ["Stores:CheckpointDirectory"] = _directory.File("checkpoints"),
        ["Documents:Provider"] = "Sqlite",
        ["Documents:SqlitePath"] = _directory.File("documents.sqlite"),
        ["Documents:ActiveKeyId"] = "2026-01",
        ["Documents:EncryptionKeys:2026-01"] = _keys.Encoded("2026-01"),
    };

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLedgerStores(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    [Fact]
    public void With_provider_none_there_is_no_document_store_and_no_key_is_needed()
    {
        using var services = Services(new() { ["Stores:CheckpointDirectory"] = _directory.File("checkpoints"), ["Documents:Provider"] = "None" });

        Assert.Null(services.GetService<IDocumentStore>());
        Assert.Equal(DocumentStoreProvider.None, services.GetRequiredService<IOptions<DocumentStoreOptions>>().Value.Provider);
    }

    [Fact]
    public void The_store_is_on_by_default_and_without_a_key_refuses_naming_the_key_file_setting()
    {
        using var services = Services(new() { ["Stores:CheckpointDirectory"] = _directory.File("checkpoints") });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DocumentStoreOptions>>().Value);

        Assert.Equal(DocumentStoreProvider.Sqlite, new DocumentStoreOptions().Provider);
        Assert.Contains("no encryption key is configured", error.Message);
        Assert.Contains("Documents:KeyFiles", error.Message);
    }

    [Fact]
    public void A_devnet_gateway_that_names_no_document_key_keeps_no_documents()
    {
        using var services = Services(new() { ["Stores:CheckpointDirectory"] = _directory.File("checkpoints"), ["Gateway:Mode"] = "Devnet" });

        Assert.Null(services.GetService<IDocumentStore>());
        Assert.Equal(DocumentStoreProvider.None, services.GetRequiredService<IOptions<DocumentStoreOptions>>().Value.Provider);
    }

    [Fact]
    public async Task A_key_file_alone_is_enough_its_id_becomes_the_active_one_and_its_content_never_shows()
    {
        var keyFile = _directory.File("documents.key");
        File.WriteAllText(keyFile, _keys.Encoded("devnet-1") + "\n");
        using var services = Services(new()
        {
            ["Stores:CheckpointDirectory"] = _directory.File("checkpoints"),
            ["Documents:SqlitePath"] = _directory.File("documents.sqlite"),
            ["Documents:KeyFiles:devnet-1"] = keyFile,
        });

        var put = await services.GetRequiredService<IDocumentStore>().PutAsync(new DocumentToStore(Ledger.Core.Permits.PermitId.Parse("CH/2026/1"),
            "application/xml", "<CITESEPermit/>"u8.ToArray(), DateTimeOffset.UtcNow.AddMonths(6)));

        Assert.Equal("devnet-1", put.Metadata.KeyId);
    }

    [Fact]
    public void A_missing_or_malformed_key_file_refuses_to_start_without_echoing_the_file()
    {
        var malformed = _directory.File("short.key");
        File.WriteAllText(malformed, "c2VjcmV0LWJ1dC1zaG9ydA==");
        using var services = Services(new()
        {
            ["Stores:CheckpointDirectory"] = _directory.File("checkpoints"),
            ["Documents:KeyFiles:a"] = _directory.File("absent.key"),
            ["Documents:KeyFiles:b"] = malformed,
            ["Documents:ActiveKeyId"] = "b",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DocumentStoreOptions>>().Value);

        Assert.Contains("absent.key' does not exist", error.Message);
        Assert.Contains("KeyFiles:b) is not 32 bytes", error.Message);
        Assert.DoesNotContain("c2VjcmV0", error.Message);
    }

    [Fact]
    public async Task With_the_sqlite_provider_one_store_is_registered_and_works()
    {
        using var services = Services(SqliteSettings());
        var store = services.GetRequiredService<IDocumentStore>();

        var put = await store.PutAsync(new DocumentToStore(Ledger.Core.Permits.PermitId.Parse("CH/2026/1"), "application/xml",
            "<CITESEPermit/>"u8.ToArray(), DateTimeOffset.UtcNow.AddMonths(6)));

        Assert.IsType<SqliteDocumentStore>(store);
        Assert.Same(store, services.GetRequiredService<IDocumentStore>());
        Assert.Equal("2026-01", put.Metadata.KeyId);
    }

    [Fact]
    public void The_postgresql_provider_registers_the_postgresql_store()
    {
        var settings = SqliteSettings();
        settings["Documents:Provider"] = "PostgreSql";
        settings["Documents:PostgreSqlConnectionString"] = "Host=127.0.0.1;Port=1;Username=u";
        using var services = Services(settings);

        Assert.IsType<PostgreSqlDocumentStore>(services.GetRequiredService<IDocumentStore>());
    }

    [Fact]
    public void Every_problem_is_listed_and_no_key_material_is_echoed()
    {
        var badKey = Convert.ToBase64String(new byte[16]);
        var options = new DocumentStoreOptions
        {
            Provider = DocumentStoreProvider.PostgreSql,
            ActiveKeyId = "missing",
            EncryptionKeys = new() { ["short"] = badKey, ["bad id!"] = _keys.Encoded("x") },
            RetentionYearsAfterExpiry = 4,
            MaxDocumentBytes = 5 * 1024 * 1024,
        };

        var result = new DocumentStoreOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToArray();
        Assert.Contains(failures, f => f.Contains("PostgreSqlConnectionString"));
        Assert.Contains(failures, f => f.Contains("RetentionYearsAfterExpiry 4"));
        Assert.Contains(failures, f => f.Contains("MaxDocumentBytes 5242880"));
        Assert.Contains(failures, f => f.Contains("(EncryptionKeys:short or the file of KeyFiles:short) is not 32 bytes"));
        Assert.Contains(failures, f => f.Contains("key id of 7 characters"));
        Assert.All(failures, f => Assert.DoesNotContain("bad id!", f));
        Assert.Contains(failures, f => f.Contains("ActiveKeyId 'missing' is not among"));
        Assert.All(failures, f => Assert.DoesNotContain(badKey, f));
        Assert.All(failures, f => Assert.DoesNotContain(_keys.Encoded("x"), f));
    }

    [Fact]
    public void A_key_pasted_as_a_key_id_is_not_echoed()
    {
        var key = _keys.Encoded("pasted");
        var options = new DocumentStoreOptions
        {
            Provider = DocumentStoreProvider.Sqlite,
            ActiveKeyId = key,
            EncryptionKeys = new() { [key] = key },
        };

        var failures = new DocumentStoreOptionsValidator().Validate(null, options).Failures!.ToArray();

        Assert.Equal(2, failures.Length);
        Assert.All(failures, f => Assert.DoesNotContain(key[..8], f));
    }

    [Fact]
    public void Valid_options_pass_and_retention_may_only_go_up()
    {
        var options = new DocumentStoreOptions
        {
            Provider = DocumentStoreProvider.Sqlite,
            ActiveKeyId = "k1",
            EncryptionKeys = new() { ["k1"] = _keys.Encoded("k1") },
            RetentionYearsAfterExpiry = 10,
        };

        Assert.True(new DocumentStoreOptionsValidator().Validate(null, options).Succeeded);
        options.RetentionYearsAfterExpiry = DocumentStoreOptions.MinimumRetentionYears - 1;
        Assert.True(new DocumentStoreOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void A_misconfigured_store_stops_the_host_at_startup()
    {
        var settings = SqliteSettings();
        settings["Documents:EncryptionKeys:2026-01"] = "not base64";
        using var services = Services(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DocumentStoreOptions>>().Value);

        Assert.Contains("EncryptionKeys:2026-01 or the file of KeyFiles:2026-01", error.Message);
    }
}
