using Ledger.Gateway.Identity.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Identity;

/// <summary>Registers caller identification.</summary>
public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="IdentityOptions"/>, registers the identity resolvers
    /// (client certificates for Production, the dev header for Devnet, which refuses to be
    /// created in any other mode), the authentication schemes and policies that use them, and the
    /// startup warning for mappings of untrusted CAs (<see cref="IdentityStartupReport"/>).
    /// </summary>
    public static IServiceCollection AddLedgerIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdentityOptions>()
            .Bind(configuration.GetSection(IdentityOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new CertificateIdentityMap(
            provider.GetRequiredService<IOptionsMonitor<IdentityOptions>>(), provider.GetRequiredService<ILogger<CertificateIdentityMap>>()));
        services.TryAddSingleton<ClientCertificateIdentityResolver>();
        services.TryAddSingleton<DevHeaderIdentityResolver>();
        services.AddHostedService<IdentityStartupReport>();
        services.AddLedgerAuthentication();
        return services;
    }
}
