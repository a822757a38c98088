using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.Application;
using Ledger.Gateway.Identity.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace Ledger.Gateway.Services;

/// <summary>ledger.v1.DocumentService: officers fetch a permit's document from its issuer's gateway through their own.</summary>
[BindServiceMethod(typeof(DocumentServiceBinding), nameof(DocumentServiceBinding.BindService))]
internal sealed class DocumentGrpcService(DocumentsFetchHandler fetch) : DocumentService.DocumentServiceBase
{
    /// <inheritdoc />
    [Authorize(Policy = LedgerPolicies.Documents)]
    public override Task<FetchPermitDocumentResponse> FetchPermitDocument(FetchPermitDocumentRequest request, ServerCallContext context) =>
        fetch.HandleAsync(request, context.Caller(), context.CancellationToken);
}
