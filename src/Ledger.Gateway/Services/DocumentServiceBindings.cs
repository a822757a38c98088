using Grpc.Core;
using Ledger.Api.V1;

namespace Ledger.Gateway.Services;

/// <summary>The guarded binding of ledger.v1.DocumentService (see <see cref="PermitServiceBinding"/>).</summary>
internal static class DocumentServiceBinding
{
    /// <summary>The service's proto descriptor (read by JSON transcoding).</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => DocumentService.Descriptor;

    /// <summary>Binds ledger.v1.DocumentService with guarded request parsing.</summary>
    public static void BindService(ServiceBinderBase binder, DocumentService.DocumentServiceBase service) =>
        DocumentService.BindService(new RequestParsingBinder(binder), service);
}

/// <summary>The guarded binding of ledger.v1.PeerDocumentService (see <see cref="PermitServiceBinding"/>).</summary>
internal static class PeerDocumentServiceBinding
{
    /// <summary>The service's proto descriptor.</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => PeerDocumentService.Descriptor;

    /// <summary>Binds ledger.v1.PeerDocumentService with guarded request parsing.</summary>
    public static void BindService(ServiceBinderBase binder, PeerDocumentService.PeerDocumentServiceBase service) =>
        PeerDocumentService.BindService(new RequestParsingBinder(binder), service);
}
