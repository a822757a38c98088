using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.Application;
using Microsoft.AspNetCore.Authorization;

namespace Ledger.Gateway.Services;

/// <summary>
/// ledger.v1.PeerDocumentService, on the peer listener only. Its callers are gateways, not
/// officers, so no officer policy applies ([AllowAnonymous] towards ASP.NET Core): the handler
/// authenticates the calling gateway by its client certificate against the on-chain directory
/// and authorises its authority from the chain.
/// </summary>
[BindServiceMethod(typeof(PeerDocumentServiceBinding), nameof(PeerDocumentServiceBinding.BindService))]
[AllowAnonymous]
internal sealed class PeerDocumentGrpcService(DocumentsServeHandler serve) : PeerDocumentService.PeerDocumentServiceBase
{
    /// <inheritdoc />
    public override Task<GetPermitDocumentResponse> GetPermitDocument(GetPermitDocumentRequest request, ServerCallContext context) =>
        serve.HandleAsync(request, context.GetHttpContext().Connection.ClientCertificate, context.CancellationToken);
}
