using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Chain;

/// <summary>Registers the chain side of the gateway: options, node pool, keyring and contract access.</summary>
public static class ChainServiceCollectionExtensions
{
    /// <summary>True when the configuration has a <c>Chain</c> section, i.e. the permit and authority services can be served.</summary>
    public static bool HasChainSection(IConfiguration configuration) =>
        configuration.GetSection(GatewayChainOptions.SectionName).Exists();

    /// <summary>
    /// Binds and validates <see cref="GatewayChainOptions"/> (section <c>Chain</c>) and
    /// registers the services that reach the chain.
    /// </summary>
    public static IServiceCollection AddLedgerChain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayChainOptions>()
            .Bind(configuration.GetSection(GatewayChainOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayChainOptions>, GatewayChainOptionsValidator>());
        return services;
    }
}
