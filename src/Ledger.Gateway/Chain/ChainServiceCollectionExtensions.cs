using Grpc.AspNetCore.Server;
using Ledger.Gateway.Application;
using Ledger.Gateway.Follower;
using Ledger.Gateway.Services;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Chain;

/// <summary>Registers the chain side of the gateway: options, node pool, keyring, handlers and the gRPC services.</summary>
public static class ChainServiceCollectionExtensions
{
    /// <summary>True when the configuration has a <c>Chain</c> section, i.e. the permit and authority services can be served.</summary>
    public static bool HasChainSection(IConfiguration configuration) =>
        configuration.GetSection(GatewayChainOptions.SectionName).Exists();

    /// <summary>
    /// Binds and validates <see cref="GatewayChainOptions"/> (section <c>Chain</c>) and
    /// registers the services that reach the chain, the use-case handlers and the error
    /// interceptor. Call <see cref="MapLedgerChainServices"/> to serve them.
    /// </summary>
    public static IServiceCollection AddLedgerChain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayChainOptions>()
            .Bind(configuration.GetSection(GatewayChainOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayChainOptions>, GatewayChainOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<LedgerChain>();
        services.TryAddSingleton<KeyringAuthorityGate>();
        services.TryAddSingleton<AuthorityKeyring>();
        services.TryAddSingleton<LedgerReader>();
        services.TryAddSingleton(provider => new PermitReadCoalescer(provider.GetRequiredService<LedgerReader>()));
        services.TryAddSingleton<LedgerWriter>();
        services.TryAddSingleton<LedgerEventLog>();
        services.TryAddSingleton<SentTransactionLookup>();
        services.TryAddSingleton<WritePipeline>();
        services.TryAddSingleton<LedgerAccess>();
        services.TryAddSingleton<RegistrationReplay>();
        services.TryAddSingleton<ShipmentReplay>();
        services.TryAddSingleton<ShipmentSubmission>();
        services.TryAddSingleton<PermitDocumentKeeper>();
        services.TryAddSingleton<HoldPermitDraftHandler>();
        services.TryAddSingleton<RegisterPermitHandler>();
        services.TryAddSingleton<CancelPermitHandler>();
        services.TryAddSingleton<VerifyPermitHandler>();
        services.TryAddSingleton<RecordShipmentHandler>();
        services.TryAddSingleton<ConfirmArrivalHandler>();
        services.TryAddSingleton<RegisterPermitBatchHandler>();
        services.TryAddSingleton<ReplacePermitHandler>();
        services.TryAddSingleton<GetPermitHistoryHandler>();
        services.TryAddSingleton<WatchPermitsHandler>();
        services.TryAddSingleton<AuthorityDirectory>();
        services.TryAddSingleton<AuthorityReadHandlers>();
        services.TryAddSingleton<AuthorityWriteHandlers>();

        services.TryAddSingleton<AuthorityStatusChanges>();
        services.TryAddSingleton<PermitWatchHub>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPermitEventObserver, PermitWatchHub>(provider => provider.GetRequiredService<PermitWatchHub>()));
        services.AddHostedService<ChainStartup>();
        services.TryAddSingleton<PermitEventFollower>();
        services.AddHostedService(provider => provider.GetRequiredService<PermitEventFollower>());

        services.TryAddSingleton<LedgerErrorInterceptor>();
        services.Configure<GrpcServiceOptions>(grpc => grpc.Interceptors.Add<LedgerErrorInterceptor>());
        return services;
    }

    /// <summary>Maps ledger.v1.PermitService and ledger.v1.AuthorityService.</summary>
    public static IEndpointRouteBuilder MapLedgerChainServices(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<PermitGrpcService>();
        endpoints.MapGrpcService<AuthorityGrpcService>();
        return endpoints;
    }
}
