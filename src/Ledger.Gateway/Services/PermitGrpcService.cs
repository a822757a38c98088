using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.Application;
using Ledger.Gateway.Identity.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace Ledger.Gateway.Services;

/// <summary>ledger.v1.PermitService: each method declares its authorization policy and hands the authenticated caller to its handler.</summary>
[BindServiceMethod(typeof(PermitServiceBinding), nameof(PermitServiceBinding.BindService))]
internal sealed class PermitGrpcService(
    RegisterPermitHandler register,
    CancelPermitHandler cancel,
    VerifyPermitHandler verify,
    RecordShipmentHandler recordShipment,
    ConfirmArrivalHandler confirmArrival,
    RegisterPermitBatchHandler registerBatch,
    ReplacePermitHandler replace,
    GetPermitHistoryHandler history,
    WatchPermitsHandler watch,
    WatchStreamGate watchStreams,
    WatchReplayBound replayBound,
    HoldPermitDraftHandler holdDraft) : PermitService.PermitServiceBase
{
    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Issuer)]
    public override Task<HoldPermitDraftResponse> HoldPermitDraft(HoldPermitDraftRequest request, ServerCallContext context) =>
        holdDraft.HandleAsync(request, context.Caller(), context.CancellationToken);

    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Issuer)]
    public override Task<RegisterPermitBatchResponse> RegisterPermitBatch(RegisterPermitBatchRequest request, ServerCallContext context) =>
        registerBatch.HandleAsync(request, context.Caller(), context.CancellationToken);

    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Issuer)]
    public override Task<ReplacePermitResponse> ReplacePermit(ReplacePermitRequest request, ServerCallContext context) =>
        replace.HandleAsync(request, context.Caller(), context.CancellationToken);

    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Reader)]
    public override Task<GetPermitHistoryResponse> GetPermitHistory(GetPermitHistoryRequest request, ServerCallContext context) =>
        history.HandleAsync(request, context.CancellationToken);

    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Reader)]
    public override async Task WatchPermits(WatchPermitsRequest request, IServerStreamWriter<WatchPermitsResponse> responseStream, ServerCallContext context)
    {
        var caller = context.Caller();
        using var slot = watchStreams.Enter(caller);
        await replayBound.CheckAsync(request, context.CancellationToken).ConfigureAwait(false);
        await watch.HandleAsync(request, responseStream, caller, context.CancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Issuer)]
    public override Task<RegisterPermitResponse> RegisterPermit(RegisterPermitRequest request, ServerCallContext context) =>
        register.HandleAsync(request, context.Caller(), context.CancellationToken);

    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Issuer)]
    public override Task<CancelPermitResponse> CancelPermit(CancelPermitRequest request, ServerCallContext context) =>
        cancel.HandleAsync(request, context.Caller(), context.CancellationToken);

    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Reader)]
    public override Task<VerifyPermitResponse> VerifyPermit(VerifyPermitRequest request, ServerCallContext context) =>
        verify.HandleAsync(request, context.CancellationToken);

    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Customs)]
    public override Task<RecordShipmentResponse> RecordShipment(RecordShipmentRequest request, ServerCallContext context) =>
        recordShipment.HandleAsync(request, context.Caller(), context.CancellationToken);

    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Customs)]
    public override Task<ConfirmArrivalResponse> ConfirmArrival(ConfirmArrivalRequest request, ServerCallContext context) =>
        confirmArrival.HandleAsync(request, context.Caller(), context.CancellationToken);
}
