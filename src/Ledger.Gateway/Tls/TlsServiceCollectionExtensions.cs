using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tls;

/// <summary>Registers the TLS material for Production mode.</summary>
public static class TlsServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="TlsOptions"/> and registers the reloading
    /// <see cref="ServerCertificateProvider"/> and the <see cref="TrustedCertificateAuthorities"/>.
    /// Both load lazily, so Devnet mode never touches certificate files.
    /// </summary>
    public static IServiceCollection AddLedgerTls(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TlsOptions>()
            .Bind(configuration.GetSection(TlsOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TlsOptions>, TlsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServerCertificateProvider>();
        services.TryAddSingleton<TrustedCertificateAuthorities>();
        return services;
    }
}
