using Ledger.Gateway.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Identity;

/// <summary>Registers caller identification.</summary>
public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="IdentityOptions"/> and registers the
    /// <see cref="ICallerIdentityResolver"/> for the configured mode: client certificates in
    /// Production, the dev header in Devnet (and only there).
    /// </summary>
    public static IServiceCollection AddLedgerIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdentityOptions>()
            .Bind(configuration.GetSection(IdentityOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CertificateIdentityMap>();
        services.TryAddSingleton<ICallerIdentityResolver>(provider =>
            provider.GetRequiredService<IOptions<GatewayOptions>>().Value.Mode == GatewayMode.Devnet
                ? ActivatorUtilities.CreateInstance<DevHeaderIdentityResolver>(provider)
                : ActivatorUtilities.CreateInstance<ClientCertificateIdentityResolver>(provider));
        return services;
    }
}
