using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>Registers the document store: on by default (SQLite), off only when asked or on a key-less Devnet gateway.</summary>
public static class DocumentStoreServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Documents</c> section and registers one
    /// <see cref="IDocumentStore"/> (SQLite unless another provider is named). A gateway whose
    /// store is on but has no key refuses to start, naming what to configure. Two cases keep
    /// no documents: <c>Documents:Provider</c> None, and a Devnet-mode gateway given no
    /// <c>Documents</c> key at all (loopback test gateways that never asked for a store; the
    /// devnet host gives each of its gateways a key).
    /// </summary>
    public static IServiceCollection AddLedgerDocumentStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentStoreOptions>().Bind(configuration.GetSection(DocumentStoreOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocumentStoreOptions>, DocumentStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        if (IsKeylessDevnet(configuration))
            services.PostConfigure<DocumentStoreOptions>(options => options.Provider = DocumentStoreProvider.None);
        var provider = configuration.GetSection(DocumentStoreOptions.SectionName).Get<DocumentStoreOptions>()?.Provider ?? DocumentStoreProvider.Sqlite;
        if (provider == DocumentStoreProvider.None || IsKeylessDevnet(configuration))
            return services;
        services.TryAddSingleton<IDocumentStore>(serviceProvider =>
        {
            var options = serviceProvider.GetRequiredService<IOptions<DocumentStoreOptions>>().Value;
            var keys = DocumentKeyRing.FromOptions(options);
            var time = serviceProvider.GetRequiredService<TimeProvider>();
            return options.Provider == DocumentStoreProvider.PostgreSql
                ? new PostgreSqlDocumentStore(options, keys, time)
                : new SqliteDocumentStore(options, keys, time);
        });
        return services;
    }

    /// <summary>A Devnet-mode gateway whose configuration names no document key and no provider.</summary>
    private static bool IsKeylessDevnet(IConfiguration configuration)
    {
        var section = configuration.GetSection(DocumentStoreOptions.SectionName);
        var devnet = string.Equals(configuration["Gateway:Mode"], "Devnet", StringComparison.OrdinalIgnoreCase);
        return devnet
            && section[nameof(DocumentStoreOptions.Provider)] is null
            && !section.GetSection(nameof(DocumentStoreOptions.EncryptionKeys)).GetChildren().Any()
            && !section.GetSection(nameof(DocumentStoreOptions.KeyFiles)).GetChildren().Any();
    }
}
