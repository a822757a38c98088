using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.Application;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Services;

/// <summary>ledger.v1.PermitService: resolves the caller and delegates each call to its handler.</summary>
[BindServiceMethod(typeof(PermitServiceBinding), nameof(PermitServiceBinding.BindService))]
internal sealed class PermitGrpcService(
    ICallerIdentityResolver identities,
    RegisterPermitHandler register,
    CancelPermitHandler cancel,
    VerifyPermitHandler verify,
    RecordShipmentHandler recordShipment,
    ConfirmArrivalHandler confirmArrival,
    RegisterPermitBatchHandler registerBatch,
    ReplacePermitHandler replace,
    GetPermitHistoryHandler history,
    WatchPermitsHandler watch) : PermitService.PermitServiceBase
{
    /// <inheritdoc />
    public override Task<RegisterPermitBatchResponse> RegisterPermitBatch(RegisterPermitBatchRequest request, ServerCallContext context) =>
        registerBatch.HandleAsync(request, identities.Resolve(context), context.CancellationToken);

    /// <inheritdoc />
    public override Task<ReplacePermitResponse> ReplacePermit(ReplacePermitRequest request, ServerCallContext context) =>
        replace.HandleAsync(request, identities.Resolve(context), context.CancellationToken);

    /// <inheritdoc />
    public override Task<GetPermitHistoryResponse> GetPermitHistory(GetPermitHistoryRequest request, ServerCallContext context)
    {
        identities.Resolve(context);
        return history.HandleAsync(request, context.CancellationToken);
    }

    /// <inheritdoc />
    public override Task WatchPermits(WatchPermitsRequest request, IServerStreamWriter<WatchPermitsResponse> responseStream, ServerCallContext context) =>
        watch.HandleAsync(request, responseStream, identities.Resolve(context), context.CancellationToken);

    /// <inheritdoc />
    public override Task<RegisterPermitResponse> RegisterPermit(RegisterPermitRequest request, ServerCallContext context) =>
        register.HandleAsync(request, identities.Resolve(context), context.CancellationToken);

    /// <inheritdoc />
    public override Task<CancelPermitResponse> CancelPermit(CancelPermitRequest request, ServerCallContext context) =>
        cancel.HandleAsync(request, identities.Resolve(context), context.CancellationToken);

    /// <inheritdoc />
    public override Task<VerifyPermitResponse> VerifyPermit(VerifyPermitRequest request, ServerCallContext context)
    {
        // Every caller must be identified, even for reads.
        identities.Resolve(context);
        return verify.HandleAsync(request, context.CancellationToken);
    }

    /// <inheritdoc />
    public override Task<RecordShipmentResponse> RecordShipment(RecordShipmentRequest request, ServerCallContext context) =>
        recordShipment.HandleAsync(request, identities.Resolve(context), context.CancellationToken);

    /// <inheritdoc />
    public override Task<ConfirmArrivalResponse> ConfirmArrival(ConfirmArrivalRequest request, ServerCallContext context) =>
        confirmArrival.HandleAsync(request, identities.Resolve(context), context.CancellationToken);
}
