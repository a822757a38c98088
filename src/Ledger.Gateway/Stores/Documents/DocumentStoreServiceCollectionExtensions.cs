using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>Registers the document store when <c>Documents:Provider</c> names one.</summary>
public static class DocumentStoreServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Documents</c> section; with a provider other than
    /// <see cref="DocumentStoreProvider.None"/> registers one <see cref="IDocumentStore"/>
    /// (SQLite or PostgreSQL). Without one, nothing asks for a key and no store exists.
    /// </summary>
    public static IServiceCollection AddLedgerDocumentStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentStoreOptions>().Bind(configuration.GetSection(DocumentStoreOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocumentStoreOptions>, DocumentStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var provider = configuration.GetSection(DocumentStoreOptions.SectionName).Get<DocumentStoreOptions>()?.Provider ?? DocumentStoreProvider.None;
        if (provider == DocumentStoreProvider.None)
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
}
