using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ledger.Gateway.Follower;

/// <summary>Registers the permit history index the follower fills.</summary>
public static class HistoryIndexServiceCollectionExtensions
{
    /// <summary>The index and its backfill (with the chain services).</summary>
    public static IServiceCollection AddLedgerHistoryIndex(this IServiceCollection services)
    {
        services.TryAddSingleton<PermitLogIndex>();
        services.AddHostedService<PermitLogIndexBackfill>();
        return services;
    }
}
