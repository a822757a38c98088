using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ledger.Gateway.Services;

/// <summary>Registers the bounds the gRPC services apply before handing a call to its handler.</summary>
public static class ServiceLimitsServiceCollectionExtensions
{
    /// <summary>The WatchPermits stream gate and replay bound (with the chain services; see <c>Limits</c> options).</summary>
    public static IServiceCollection AddLedgerServiceLimits(this IServiceCollection services)
    {
        services.TryAddSingleton<WatchStreamGate>();
        services.TryAddSingleton<WatchReplayBound>();
        return services;
    }
}
